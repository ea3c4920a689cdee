package dev.kubicle.nodeimage;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class DockerfileContextTest {
    private static final String DOCKERFILE = "FROM kubicle/base-rootfs:abc\nSTOPSIGNAL SIGRTMIN+3\n";

    @Test
    void archiveHoldsTheDockerfileInOneBlockAndEndsWithTwoEmptyBlocks() {
        byte[] archive = DockerfileContext.of(DOCKERFILE);

        assertThat(archive).hasSize(4 * 512);
        assertThat(field(archive, 0, 100)).isEqualTo("Dockerfile");
        assertThat(Integer.parseInt(field(archive, 124, 12), 8)).isEqualTo(DOCKERFILE.length());
        assertThat(new String(archive, 512, DOCKERFILE.length(), StandardCharsets.UTF_8)).isEqualTo(DOCKERFILE);
        assertThat(Arrays.copyOfRange(archive, 1024, 2048)).containsOnly(0);
    }

    @Test
    void headerChecksumIsTheSumOfItsBytesWithTheChecksumFieldAsSpaces() {
        byte[] header = Arrays.copyOf(DockerfileContext.of(DOCKERFILE), 512);
        int stored = Integer.parseInt(field(header, 148, 8).strip(), 8);
        Arrays.fill(header, 148, 156, (byte) ' ');
        int sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }

        assertThat(stored).isEqualTo(sum);
    }

    private static String field(byte[] archive, int offset, int length) {
        String text = new String(archive, offset, length, StandardCharsets.US_ASCII);
        int end = text.indexOf('\0');
        return end < 0 ? text : text.substring(0, end);
    }
}
