package dev.kubicle.cluster.internal.ops;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Unpacks a tar that came out of a node into a local directory. Only files and directories are made: a link could
 * point anywhere on this machine, so symbolic links are left out and hard links become copies. Entries that would
 * land outside the directory are refused.
 */
final class TarUnpacker {

    private TarUnpacker() {
    }

    /** @return how many files were written */
    static int unpack(InputStream tar, Path directory) throws IOException {
        TarEntries entries = new TarEntries(tar);
        Path root = directory.toAbsolutePath().normalize();
        int files = 0;
        for (TarEntries.Entry entry = entries.next(); entry != null; entry = entries.next()) {
            Path target = inside(root, entry.name());
            if (entry.isDirectory()) {
                Files.createDirectories(target);
            } else if (entry.isFile()) {
                Files.createDirectories(target.getParent());
                Files.copy(entries.content(), target, StandardCopyOption.REPLACE_EXISTING);
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
