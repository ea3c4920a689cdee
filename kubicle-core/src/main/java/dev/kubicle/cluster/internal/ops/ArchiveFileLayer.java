package dev.kubicle.cluster.internal.ops;

import dev.kubicle.internal.DigestingStream;
import dev.kubicle.provider.StoredImage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A layer tar inside an image archive file, read from its place in the file and checked against its diff ID as it is
 * written.
 *
 * @param offset where the layer's tar starts in the file
 */
record ArchiveFileLayer(Path archive, long offset, String diffId, long size) implements StoredImage.Layer {
    private static final int BUFFER = 1 << 16;

    @Override
    public void writeTo(OutputStream out) throws IOException {
        DigestingStream digesting = new DigestingStream(out);
        try (FileChannel channel = FileChannel.open(archive, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
            long end = offset + size;
            for (long position = offset; position < end; ) {
                buffer.clear().limit((int) Math.min(BUFFER, end - position));
                int read = channel.read(buffer, position);
                if (read < 0) {
                    throw new IOException(archive + " ends inside layer " + diffId);
                }
                digesting.write(buffer.array(), 0, read);
                position += read;
            }
        }
        digesting.check("layer " + diffId + " of " + archive, diffId, size);
    }
}
