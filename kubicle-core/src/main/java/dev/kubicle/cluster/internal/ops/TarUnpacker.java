package dev.kubicle.cluster.internal.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Unpacks a tar that came out of a node into a local directory. Only files and directories are made: a link could
 * point anywhere on this machine, so symbolic links are left out and hard links become copies. Entries that would
 * land outside the directory are refused. The caller picks the files to write and filters their content.
 */
final class TarUnpacker {

    private TarUnpacker() {
    }

    /**
     * @param keep    whether a file or link is written, by its name in the archive
     * @param content what a file's bytes pass through on their way into it, given the file's own stream
     * @return how many files were written
     */
    static int unpack(InputStream tar, Path directory, Predicate<String> keep, UnaryOperator<OutputStream> content)
            throws IOException {
        TarEntries entries = new TarEntries(tar);
        Path root = directory.toAbsolutePath().normalize();
        int files = 0;
        for (TarEntries.Entry entry = entries.next(); entry != null; entry = entries.next()) {
            Path target = inside(root, entry.name());
            if (entry.isDirectory()) {
                Files.createDirectories(target);
            } else if (!keep.test(entry.name())) {
                continue;
            } else if (entry.isFile()) {
                Files.createDirectories(target.getParent());
                try (OutputStream out = content.apply(Files.newOutputStream(target))) {
                    entries.content().transferTo(out);
                }
                files++;
            } else if (entry.type() == '1') {
                Path source = inside(root, entry.linkName());
                if (Files.isRegularFile(source)) {
                    Files.createDirectories(target.getParent());
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                    files++;
                }
            }
        }
        return files;
    }

    private static Path inside(Path root, String name) throws IOException {
        Path target = root.resolve(name.replaceFirst("^/+", "")).normalize();
        if (!target.startsWith(root)) {
            throw new IOException("the archive holds an entry outside its directory: " + name);
        }
        return target;
    }
}
