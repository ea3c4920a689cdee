package dev.kubicle.kubeconfig;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Replaces a file that holds credentials so that no reader ever sees it half written and no other user can read
 * it: the content goes to a temporary file created with mode 0600 beside it, reaches the disk, then is renamed
 * over the file.
 */
final class PrivateFileWriter {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateFileWriter() {
    }

    static void replace(Path file, String content) throws IOException {
        Path target = followSymlink(file);
        Path directory = target.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, "." + target.getFileName() + ".", ".tmp", ownerOnly());
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                // Without this, a crash right after the rename can leave an empty kubeconfig on some file systems.
                channel.force(true);
            }
            keepOwner(target, temporary);
            move(temporary, target);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** A dotfiles setup links ~/.kube/config elsewhere; renaming over the link would replace it by a plain file. */
    private static Path followSymlink(Path file) throws IOException {
        if (!Files.isSymbolicLink(file)) {
            return file;
        }
        if (Files.exists(file)) {
            return file.toRealPath();
        }
        Path parent = file.toAbsolutePath().getParent();
        return parent.resolve(Files.readSymbolicLink(file));
    }

    private static FileAttribute<?>[] ownerOnly() {
        if (!POSIX) {
            return new FileAttribute<?>[0];
        }
        Set<PosixFilePermission> readWriteByOwner = PosixFilePermissions.fromString("rw-------");
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(readWriteByOwner)};
    }

    /**
     * Run with sudo -E, kubicle would otherwise hand the user's kubeconfig to root and lock kubectl out of it.
     * Only root may give a file away, so for anyone else this quietly does nothing.
     */
    private static void keepOwner(Path target, Path temporary) {
        if (!POSIX || !Files.exists(target)) {
            return;
        }
        try {
            PosixFileAttributes existing = Files.readAttributes(target, PosixFileAttributes.class);
            PosixFileAttributeView replacement = Files.getFileAttributeView(temporary, PosixFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS);
            PosixFileAttributes current = replacement.readAttributes();
            if (!current.owner().equals(existing.owner())) {
                replacement.setOwner(existing.owner());
            }
            if (!current.group().equals(existing.group())) {
                replacement.setGroup(existing.group());
            }
        } catch (IOException notAllowed) {
            // Not root and not our file: it becomes ours, the price of replacing it atomically.
        }
    }

    private static void move(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
