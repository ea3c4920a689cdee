package dev.kubicle.cluster.internal.ops;

import dev.kubicle.internal.OciDigests;
import dev.kubicle.provider.StoredImage;
import dev.kubicle.provider.docker.TarWriter;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class StoredImageArchiveTest {
    private static final Layer BASE = new Layer("base layer");
    private static final Layer APP = new Layer("app layer");
    private static final Layer APP_REBUILT = new Layer("app layer, rebuilt");
    private static final byte[] APP_CONFIG = "{\"app\":1}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] REBUILT_CONFIG = "{\"app\":2}".getBytes(StandardCharsets.UTF_8);

    /** A layer held in memory: what the engine's storage gives is not this test's subject. */
    private record Layer(byte[] tar) implements StoredImage.Layer {
        Layer(String content) {
            this(TarWriter.singleFile("content", content.getBytes(StandardCharsets.UTF_8), 0644));
        }

        @Override
        public String diffId() {
            return OciDigests.of(tar);
        }

        @Override
        public long size() {
            return tar.length;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            out.write(tar);
        }
    }

    private final StoredImageArchive archive = StoredImageArchive.of(List.of(
            new StoredImage("app:1", APP_CONFIG, List.of(BASE, APP)),
            new StoredImage("registry.example/app:1", APP_CONFIG, List.of(BASE, APP)),
            new StoredImage("app:2", REBUILT_CONFIG, List.of(BASE, APP_REBUILT))));

    @Test
    void describesEachImageOnceWithAllItsNamesAndLayers() {
        List<DockerArchive.Image> images = archive.archive().images();

        assertThat(images).hasSize(2);
        assertThat(images.get(0).config()).isEqualTo(APP_CONFIG);
        assertThat(images.get(0).names()).containsExactly("docker.io/library/app:1", "registry.example/app:1");
        assertThat(images.get(0).layers()).extracting(DockerArchive.Layer::digest)
                .containsExactly(BASE.diffId(), APP.diffId());
        assertThat(images.get(1).layers()).extracting(DockerArchive.Layer::path, DockerArchive.Layer::size)
                .containsExactly(
                        tuple("layers/" + OciDigests.hex(BASE.diffId()) + ".tar",
                                (long) BASE.tar().length),
                        tuple("layers/" + OciDigests.hex(APP_REBUILT.diffId()) + ".tar",
                                (long) APP_REBUILT.tar().length));
        assertThat(archive.layerCount()).isEqualTo(3);
    }

    @Test
    void aLayerANodeHoldsIsNotAmongThoseItLacks() {
        assertThat(archive.lacking(Set.of())).containsExactly(BASE, APP, APP_REBUILT);
        assertThat(archive.lacking(Set.of(BASE.diffId(), APP.diffId(), "sha256:other")))
                .containsExactly(APP_REBUILT);
    }

    @Test
    void writesTheSameTarOfOnlyTheLayersAskedForIntoEverySink() throws IOException {
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream second = new ByteArrayOutputStream();

        archive.write(List.of(APP_REBUILT), List.of(first, second));

        assertThat(first.toByteArray()).isEqualTo(second.toByteArray());
        TarEntries entries = new TarEntries(new ByteArrayInputStream(first.toByteArray()));
        TarEntries.Entry only = entries.next();
        assertThat(only.name()).isEqualTo("layers/" + OciDigests.hex(APP_REBUILT.diffId()) + ".tar");
        assertThat(entries.content().readAllBytes()).isEqualTo(APP_REBUILT.tar());
        assertThat(entries.next()).isNull();
    }
}
