package dev.kubicle.cluster.internal.ops;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes text through a {@link SecretRedactor} line by line, so that a secret never reaches the file, not even for
 * a moment. Lines are read as ISO-8859-1, which maps every byte to one character and back: whatever the file's
 * encoding, only the secrets' ASCII changes.
 */
final class RedactingOutputStream extends FilterOutputStream {
    /** A longer "line" is no text (or no log anyone reads); it is passed on in pieces of this size. */
    private static final int MAX_LINE = 1 << 20;

    private final SecretRedactor redactor = new SecretRedactor();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    RedactingOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        if (b == '\n') {
            emit(true);
            return;
        }
        line.write(b);
        if (line.size() >= MAX_LINE) {
            emit(false);
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    @Override
    public void close() throws IOException {
        if (line.size() > 0) {
            emit(false);
        }
        super.close();
    }

    private void emit(boolean newline) throws IOException {
        String redacted = redactor.redact(line.toString(StandardCharsets.ISO_8859_1));
        line.reset();
        if (redacted != null) {
            out.write(redacted.getBytes(StandardCharsets.ISO_8859_1));
            if (newline) {
                out.write('\n');
            }
        }
    }
}
