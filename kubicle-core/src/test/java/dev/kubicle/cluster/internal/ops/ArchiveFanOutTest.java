package dev.kubicle.cluster.internal.ops;

import dev.kubicle.provider.docker.TarWriter;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class ArchiveFanOutTest {

    @Test
    void everyCopyGetsTheWholeArchiveByteForByteAndTheImagesAreRead() throws IOException {
        byte[] saved = SavedArchives.twoLayers();
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream second = new ByteArrayOutputStream();

        DockerArchive archive = ArchiveFanOut.copy(new ByteArrayInputStream(saved), List.of(first, second))
                .orElseThrow();

        assertThat(first.toByteArray()).isEqualTo(saved);
        assertThat(second.toByteArray()).isEqualTo(saved);
        DockerArchive.Image image = archive.images().get(0);
        assertThat(image.names()).containsExactly("docker.io/ops/app:1");
        assertThat(image.config()).isEqualTo(SavedArchives.CONFIG);
        assertThat(image.layers()).containsExactly(
                new DockerArchive.Layer("b1/layer.tar", SavedArchives.BOTTOM_DIGEST, SavedArchives.BOTTOM.length),
                new DockerArchive.Layer("t2/layer.tar", SavedArchives.TOP_DIGEST, SavedArchives.TOP.length));
    }

    @Test
    void anOciLayoutWithoutDockerManifestGivesNoImagesButIsStillCopied() throws IOException {
        byte[] layout = TarWriter.singleFile("index.json", "{}".getBytes(StandardCharsets.UTF_8), 0644);
        ByteArrayOutputStream copy = new ByteArrayOutputStream();

        assertThat(ArchiveFanOut.copy(new ByteArrayInputStream(layout), List.of(copy))).isEmpty();
        assertThat(copy.toByteArray()).isEqualTo(layout);
    }

    @Test
    void aManifestNamingALayerTheArchiveLacksIsRefused() {
        Map<String, byte[]> files = Map.of("manifest.json",
                "[{\"Config\":\"c.json\",\"Layers\":[\"x/layer.tar\",\"y/layer.tar\"]}]".getBytes(StandardCharsets.UTF_8),
                "c.json", SavedArchives.CONFIG);

        assertThatThrownBy(() -> DockerArchive.of(files, Map.of("x/layer.tar", 5L), Map.of()))
                .isInstanceOf(IOException.class).hasMessage("manifest.json names y/layer.tar, which the archive lacks");
    }

    /** docker save writes a layer two images share once; the other image's entry links to it. */
    @Test
    void aLayerThatIsALinkIsPlacedFromTheFileItLeadsTo() throws IOException {
        Map<String, byte[]> files = Map.of("manifest.json",
                "[{\"Config\":\"c.json\",\"Layers\":[\"a/layer.tar\",\"b/layer.tar\"]}]".getBytes(StandardCharsets.UTF_8),
                "c.json", SavedArchives.CONFIG);

        DockerArchive archive = DockerArchive.of(files, Map.of("x/layer.tar", 5L, "b/layer.tar", 7L),
                Map.of("a/layer.tar", "x/layer.tar")).orElseThrow();

        assertThat(archive.images().get(0).layers()).extracting(DockerArchive.Layer::path, DockerArchive.Layer::size)
                .containsExactly(tuple("x/layer.tar", 5L),
                        tuple("b/layer.tar", 7L));
    }

    @Test
    void aTruncatedArchiveIsRefused() {
        byte[] saved = SavedArchives.twoLayers();

        assertThatThrownBy(() -> ArchiveFanOut.copy(new ByteArrayInputStream(saved, 0, 1000),
                List.of(OutputStream.nullOutputStream()))).isInstanceOf(IOException.class);
    }
}
