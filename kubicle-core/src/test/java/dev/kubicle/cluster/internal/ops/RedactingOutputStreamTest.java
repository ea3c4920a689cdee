package dev.kubicle.cluster.internal.ops;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class RedactingOutputStreamTest {

    @Test
    void secretsSplitAcrossWritesAreRedactedAndOtherBytesPassUnchanged() throws IOException {
        byte[] text = ("héllo ✓\r\nclient-key-data: QUJDRA==\n-----BEGIN PRIVATE KEY-----\nMIGH\n"
                + "-----END PRIVATE KEY-----\nlast line without newline token: k3x9qa.h7d2m4p8r1t5w0z6")
                .getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream file = new ByteArrayOutputStream();

        try (OutputStream out = new RedactingOutputStream(file)) {
            for (int i = 0; i < text.length; i += 7) {
                out.write(text, i, Math.min(7, text.length - i));
            }
        }

        assertThat(file.toString(StandardCharsets.UTF_8)).isEqualTo("héllo ✓\r\nclient-key-data: <redacted>\n"
                + "<private key removed>\nlast line without newline token: <redacted>");
    }
}
