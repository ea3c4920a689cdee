package dev.kubicle.cluster.internal.ops;

import dev.kubicle.KubicleException;
import dev.kubicle.provider.StoredImage;
import dev.kubicle.provider.docker.TarWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageArchivesTest {
    @TempDir
    Path dir;

    private Path saved(byte[] archive) throws IOException {
        return Files.write(dir.resolve("app.tar"), archive);
    }

    @Test
    void eachLayerIsReadFromItsPlaceInTheFile() throws IOException {
        StoredImageArchive images = ImageArchives.layers(saved(SavedArchives.twoLayers())).orElseThrow();

        assertThat(images.archive().images()).singleElement().satisfies(image -> {
            assertThat(image.names()).containsExactly("docker.io/ops/app:1");
            assertThat(image.config()).isEqualTo(SavedArchives.CONFIG);
        });
        List<StoredImage.Layer> layers = images.lacking(Set.of());
        assertThat(layers).extracting(StoredImage.Layer::diffId)
                .containsExactly(SavedArchives.BOTTOM_DIGEST, SavedArchives.TOP_DIGEST);
        ByteArrayOutputStream bottom = new ByteArrayOutputStream();
        layers.get(0).writeTo(bottom);
        ByteArrayOutputStream top = new ByteArrayOutputStream();
        layers.get(1).writeTo(top);
        assertThat(bottom.toByteArray()).isEqualTo(SavedArchives.BOTTOM);
        assertThat(top.toByteArray()).isEqualTo(SavedArchives.TOP);
        assertThat(images.lacking(Set.of(SavedArchives.BOTTOM_DIGEST))).extracting(StoredImage.Layer::diffId)
                .containsExactly(SavedArchives.TOP_DIGEST);
    }

    @Test
    void aLayerWhoseBytesAreNotItsDiffIdFailsWhileItIsSent() throws IOException {
        byte[] archive = SavedArchives.twoLayers();
        // The bottom layer's content starts after its header; one byte of it changed.
        archive[512 + 3] ^= 1;
        StoredImage.Layer bottom = ImageArchives.layers(saved(archive)).orElseThrow().lacking(Set.of()).get(0);

        assertThatThrownBy(() -> bottom.writeTo(OutputStream.nullOutputStream())).isInstanceOf(IOException.class)
                .hasMessageContaining("layer " + SavedArchives.BOTTOM_DIGEST + " of " + dir.resolve("app.tar")
                        + " came out as sha256:");
    }

    @Test
    void aFileCutShortInsideALayerFailsWhileItIsSent() throws IOException {
        byte[] archive = SavedArchives.twoLayers();
        Path cut = saved(archive);
        StoredImage.Layer bottom = ImageArchives.layers(cut).orElseThrow().lacking(Set.of()).get(0);
        Files.write(cut, Arrays.copyOf(archive, 600));

        assertThatThrownBy(() -> bottom.writeTo(OutputStream.nullOutputStream())).isInstanceOf(IOException.class)
                .hasMessageContaining("ends inside layer " + SavedArchives.BOTTOM_DIGEST);
    }

    @Test
    void anOciLayoutAloneHasNoLayersToPickAndAManifestNamingAMissingLayerIsRefused() throws IOException {
        ByteArrayOutputStream layout = new ByteArrayOutputStream();
        try (TarWriter tar = new TarWriter(layout)) {
            tar.file("index.json", "{\"manifests\":[]}".getBytes(StandardCharsets.UTF_8), 0644);
        }
        assertThat(ImageArchives.layers(saved(layout.toByteArray()))).isEmpty();

        ByteArrayOutputStream broken = new ByteArrayOutputStream();
        try (TarWriter tar = new TarWriter(broken)) {
            tar.file("manifest.json", "[{\"Config\":\"c.json\",\"Layers\":[]}]".getBytes(StandardCharsets.UTF_8),
                    0644);
        }
        Path file = saved(broken.toByteArray());
        assertThatThrownBy(() -> ImageArchives.layers(file)).isInstanceOf(KubicleException.class)
                .hasMessage("cannot read image archive " + file + ": manifest.json names c.json, which the archive "
                        + "lacks");
    }
}
