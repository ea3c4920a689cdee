package dev.kubicle.cluster.internal.ops;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What an image archive holds, read entry by entry to its end: its small files (the manifest and image configs),
 * the size of every file and where its content starts in the stream, and where each link leads. Layers stay out of
 * memory.
 */
final class ArchiveListing {
    private static final char HARD_LINK = '1';
    private static final char SYMLINK = '2';
    /** Manifests and configs are a few KiB; layers are what stay out of memory. */
    static final int SMALL_FILE = 1 << 20;

    private final Map<String, byte[]> files = new HashMap<>();
    private final Map<String, Long> sizes = new HashMap<>();
    private final Map<String, Long> offsets = new HashMap<>();
    private final Map<String, String> links = new HashMap<>();

    private ArchiveListing() {
    }

    /**
     * Reads the tar to its last entry (not past the end-of-archive blocks).
     *
     * @throws TarEntries.NotATarException when the stream is not a tar
     */
    static ArchiveListing read(InputStream archive) throws IOException {
        ArchiveListing listing = new ArchiveListing();
        Position position = new Position(archive);
        TarEntries entries = new TarEntries(position);
        for (TarEntries.Entry entry = entries.next(); entry != null; entry = entries.next()) {
            String path = entry.name().replaceFirst("^\\./", "");
            if (entry.type() == HARD_LINK || entry.type() == SYMLINK) {
                listing.links.put(path, linkTarget(path, entry));
                continue;
            }
            if (!entry.isFile()) {
                continue;
            }
            listing.sizes.put(path, entry.size());
            listing.offsets.put(path, position.read);
            if (entry.size() <= SMALL_FILE) {
                listing.files.put(path, entries.content().readAllBytes());
            }
        }
        return listing;
    }

    /** The archive's images, or empty when it is an OCI layout without {@code manifest.json}. */
    Optional<DockerArchive> images() throws IOException {
        return DockerArchive.of(files, sizes, links);
    }

    /** Where the content of the file at this path starts, counted in bytes from the start of the stream. */
    long offsetOf(String path) {
        return offsets.get(path);
    }

    /** The archive path a link entry leads to: a hard link names it, a symbolic link's is relative to its folder. */
    private static String linkTarget(String path, TarEntries.Entry entry) {
        String target = entry.linkName().replaceFirst("^\\./", "");
        return entry.type() == HARD_LINK ? target : Path.of(path).resolveSibling(target).normalize().toString();
    }

    /** Counts the bytes read and skipped, so that the position of each entry's content is known. */
    private static final class Position extends InputStream {
        private final InputStream in;
        private long read;

        Position(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int next = in.read();
            if (next >= 0) {
                read++;
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int count = in.read(buffer, offset, length);
            if (count > 0) {
                read += count;
            }
            return count;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = in.skip(n);
            read += skipped;
            return skipped;
        }
    }
}
