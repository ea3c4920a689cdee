package dev.kubicle.provider.docker;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TarWriterTest {

    private static String field(byte[] block, int offset, int length) {
        int end = offset;
        while (end < offset + length && block[end] != 0) {
            end++;
        }
        return new String(block, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long checksumOf(byte[] header) {
        byte[] copy = Arrays.copyOf(header, 512);
        Arrays.fill(copy, 148, 156, (byte) ' ');
        long sum = 0;
        for (byte b : copy) {
            sum += b & 0xff;
        }
        return sum;
    }

    @Test
    void aSingleFileArchiveHasAUstarHeaderTheContentPaddedToABlockAndTwoEmptyBlocks() {
        byte[] content = "hello node\n".getBytes(StandardCharsets.UTF_8);

        byte[] tar = TarWriter.singleFile("/etc/kubicle/hello.txt", content, 0640);

        assertThat(tar).hasSize(512 + 512 + 1024);
        byte[] header = Arrays.copyOf(tar, 512);
        assertThat(field(header, 0, 100)).isEqualTo("etc/kubicle/hello.txt");
        assertThat(field(header, 100, 8)).isEqualTo("0000640");
        assertThat(field(header, 124, 12)).isEqualTo("00000000013");
        assertThat((char) header[156]).isEqualTo('0');
        assertThat(field(header, 257, 6)).isEqualTo("ustar");
        assertThat(field(header, 263, 2)).isEqualTo("00");
        assertThat(Long.parseLong(field(header, 148, 7).strip(), 8)).isEqualTo(checksumOf(header));
        assertThat(Arrays.copyOfRange(tar, 512, 512 + content.length)).isEqualTo(content);
        assertThat(Arrays.copyOfRange(tar, 512 + content.length, tar.length)).containsOnly(0);
    }

    @Test
    void directoriesAndSymbolicLinksHaveTheirTypesAndNoContent() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarWriter tar = new TarWriter(out, 0)) {
            tar.directory("bin", 0755).symlink("bin/sh", "busybox");
        }
        byte[] archive = out.toByteArray();

        assertThat(archive).hasSize(4 * 512);
        assertThat(field(archive, 0, 100)).isEqualTo("bin/");
        assertThat((char) archive[156]).isEqualTo('5');
        assertThat(field(archive, 512, 100)).isEqualTo("bin/sh");
        assertThat((char) archive[512 + 156]).isEqualTo('2');
        assertThat(field(archive, 512 + 157, 100)).isEqualTo("busybox");
    }

    @Test
    void aFileStreamedFromDiskIsArchivedLikeTheSameBytesInMemory(@TempDir Path dir) throws IOException {
        byte[] content = new byte[70_000];
        new Random(7).nextBytes(content);
        Path source = Files.write(dir.resolve("kubelet"), content);

        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        try (TarWriter tar = new TarWriter(streamed, 0)) {
            tar.file("usr/bin/kubelet", source, 0755);
        }
        ByteArrayOutputStream inMemory = new ByteArrayOutputStream();
        try (TarWriter tar = new TarWriter(inMemory, 0)) {
            tar.file("usr/bin/kubelet", content, 0755);
        }

        assertThat(streamed.toByteArray()).isEqualTo(inMemory.toByteArray());
    }

    @Test
    void longPathsAreSplitIntoPrefixAndName() {
        String directory = "var/lib/" + "d".repeat(90);
        String name = directory + "/" + "f".repeat(50);

        byte[] header = Arrays.copyOf(TarWriter.singleFile(name, new byte[0], 0644), 512);

        assertThat(field(header, 345, 155)).isEqualTo(directory);
        assertThat(field(header, 0, 100)).isEqualTo("f".repeat(50));
    }

    @Test
    void aPathThatNoUstarHeaderCanHoldIsRefused() {
        assertThatThrownBy(() -> TarWriter.singleFile("x".repeat(120), new byte[0], 0644))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too long");
    }
}
