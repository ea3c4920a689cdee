package dev.kubicle.cluster.internal.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

/**
 * Reads an image archive once and hands every byte of it, unchanged, to several copies at the same time (one per
 * node), keeping only its small files (the manifest and image configs) to read afterwards. So {@code docker save}
 * runs once, no temporary file is written, and the nodes receive the archive while the engine still writes it.
 */
public final class ArchiveFanOut {
    private static final int BUFFER = 1 << 16;

    private ArchiveFanOut() {
    }

    /**
     * @param archive a tar stream, read to its end
     * @param copies  each receives the whole stream; the caller closes them
     * @return the archive's images, or empty when it is an OCI layout without {@code manifest.json}
     * @throws TarEntries.NotATarException when the stream is not a tar
     */
    public static Optional<DockerArchive> copy(InputStream archive, List<OutputStream> copies) throws IOException {
        InputStream tee = new TeeInputStream(archive, copies);
        ArchiveListing listing = ArchiveListing.read(tee);
        // The end-of-archive blocks, and whatever padding the writer added after them, belong to the copies too.
        tee.transferTo(OutputStream.nullOutputStream());
        return listing.images();
    }

    /** Passes every byte read on to each copy, in reading order; skipping is reading too. */
    private static final class TeeInputStream extends InputStream {
        private final InputStream in;
        private final List<OutputStream> copies;

        TeeInputStream(InputStream in, List<OutputStream> copies) {
            this.in = in;
            this.copies = copies;
        }

        @Override
        public int read() throws IOException {
            int next = in.read();
            if (next >= 0) {
                for (OutputStream copy : copies) {
                    copy.write(next);
                }
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int count = in.read(buffer, offset, length);
            if (count > 0) {
                for (OutputStream copy : copies) {
                    copy.write(buffer, offset, count);
                }
            }
            return count;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] buffer = new byte[(int) Math.min(BUFFER, Math.max(n, 1))];
            int count = read(buffer, 0, (int) Math.min(buffer.length, n));
            return Math.max(count, 0);
        }
    }
}
