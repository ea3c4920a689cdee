package dev.kubicle.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;

/**
 * Passes everything written on, and keeps the SHA-256 and the length of it: a layer read from somewhere other than
 * the engine is checked against its diff ID as it is sent, not read twice.
 */
public final class DigestingStream extends OutputStream {
    private final OutputStream out;
    private final MessageDigest sha256 = OciDigests.sha256();
    private long count;

    public DigestingStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        sha256.update((byte) b);
        count++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
        sha256.update(bytes, offset, length);
        count += length;
    }

    /**
     * @throws IOException naming {@code what} when what was written is not {@code size} bytes of that digest
     */
    public void check(String what, String digest, long size) throws IOException {
        String written = OciDigests.finish(sha256);
        if (count != size || !written.equals(digest)) {
            throw new IOException(what + " came out as " + written + " of " + count + " bytes, not " + digest
                    + " of " + size);
        }
    }
}
