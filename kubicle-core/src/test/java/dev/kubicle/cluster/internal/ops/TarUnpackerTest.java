package dev.kubicle.cluster.internal.ops;

import dev.kubicle.provider.docker.TarWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TarUnpackerTest {
    @TempDir
    Path dir;

    @Test
    void writesFilesAndDirectoriesButNoSymbolicLinks() throws IOException {
        String longName = "pods/kube-system_coredns-7db6d8ff4d-abcde_0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0/coredns/0.log";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarWriter tar = new TarWriter(out)) {
            tar.directory("pods", 0755);
            tar.file(longName, bytes("log line\n"), 0644);
            tar.symlink("containers/coredns.log", "/etc/passwd");
        }

        int files = unpackAll(out, dir);

        assertThat(files).isEqualTo(1);
        assertThat(dir.resolve(longName)).hasContent("log line");
        assertThat(dir.resolve("containers/coredns.log")).doesNotExist();
    }

    @Test
    void anEmptyStreamUnpacksNothing() throws IOException {
        assertThat(unpackAll(new ByteArrayOutputStream(), dir)).isZero();
    }

    @Test
    void refusesEntriesThatClimbOutOfTheDirectory() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarWriter tar = new TarWriter(out)) {
            tar.file("a/../../escaped.txt", bytes("x"), 0644);
        }

        assertThatThrownBy(() -> unpackAll(out, dir.resolve("in")))
                .hasMessageContaining("outside its directory");
        assertThat(Files.exists(dir.resolve("escaped.txt"))).isFalse();
    }

    @Test
    void leavesOutTheFilesNotWantedAndPassesTheOthersThroughTheFilter() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarWriter tar = new TarWriter(out)) {
            tar.file("kind/kubeadm.conf", bytes("token: x\n"), 0644);
            tar.file("kind/discovery.conf", bytes("secret\n"), 0600);
        }

        int files = TarUnpacker.unpack(new ByteArrayInputStream(out.toByteArray()), dir,
                name -> !name.endsWith("discovery.conf"), RedactingOutputStream::new);

        assertThat(files).isEqualTo(1);
        assertThat(dir.resolve("kind/kubeadm.conf")).hasContent("token: <redacted>");
        assertThat(dir.resolve("kind/discovery.conf")).doesNotExist();
    }

    private static int unpackAll(ByteArrayOutputStream tar, Path into) throws IOException {
        return TarUnpacker.unpack(new ByteArrayInputStream(tar.toByteArray()), into, name -> true, out -> out);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
