package dev.kubicle.cluster.internal.ops;

import dev.kubicle.provider.docker.TarWriter;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageArchiveIndexTest {
    private static final String HEX = "4f".repeat(32);

    @Test
    void readsNamesAndConfigDigestsFromADockerSaveManifest() throws IOException {
        byte[] archive = tar("manifest.json", """
                [{"Config":"%s.json","RepoTags":["busybox:latest","ops/app:1"],"Layers":["x/layer.tar"]},
                 {"Config":"blobs/sha256/%s","RepoTags":null,"Layers":[]}]
                """.formatted(HEX, HEX));

        assertThat(ImageArchiveIndex.read(new ByteArrayInputStream(archive))).containsExactly(
                new ArchiveImage("docker.io/library/busybox:latest", "sha256:" + HEX),
                new ArchiveImage("docker.io/ops/app:1", "sha256:" + HEX));
    }

    @Test
    void readsFullNamesAndManifestDigestsFromAnOciIndex() throws IOException {
        byte[] archive = tar("index.json", """
                {"schemaVersion":2,"manifests":[
                 {"digest":"sha256:%s","annotations":{"io.containerd.image.name":"registry.k8s.io/pause:3.10"}},
                 {"digest":"sha256:%s","annotations":{"org.opencontainers.image.ref.name":"latest"}}]}
                """.formatted(HEX, HEX));

        assertThat(ImageArchiveIndex.read(new ByteArrayInputStream(archive)))
                .containsExactly(new ArchiveImage("registry.k8s.io/pause:3.10", "sha256:" + HEX));
    }

    @Test
    void aTarWithoutTableOfContentsIsNoImageArchive() {
        byte[] archive = tar("hello.txt", "hi");

        assertThatThrownBy(() -> ImageArchiveIndex.read(new ByteArrayInputStream(archive)))
                .hasMessageContaining("neither manifest.json nor index.json");
    }

    @Test
    void textIsNoTar() {
        byte[] text = "just some text, not a tar\n".repeat(40).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ImageArchiveIndex.read(new ByteArrayInputStream(text)))
                .isInstanceOf(TarEntries.NotATarException.class);
    }

    private static byte[] tar(String name, String content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarWriter tar = new TarWriter(out)) {
            tar.directory("blobs", 0755);
            tar.file(name, content.getBytes(StandardCharsets.UTF_8), 0644);
        }
        return out.toByteArray();
    }
}
