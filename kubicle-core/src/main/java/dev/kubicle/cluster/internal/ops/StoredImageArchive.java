package dev.kubicle.cluster.internal.ops;

import dev.kubicle.internal.OciDigests;
import dev.kubicle.provider.StoredImage;
import dev.kubicle.provider.docker.TarWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Images whose layers can be read one by one ({@link StoredImage.Layer}: from the engine's storage, or from their
 * place in an archive file), put as {@link StagedImages} takes them: a {@link DockerArchive} that describes them for
 * the import, and a tar of only the layers that the nodes lack, each read once and written into all of them at the
 * same time. A layer every node holds already is neither read nor sent, so loading an image whose top layer alone was
 * rebuilt sends that layer alone.
 */
public final class StoredImageArchive {
    private final DockerArchive archive;
    /** Every layer of the images once, by diff ID, bottom layers first. */
    private final Map<String, StoredImage.Layer> layers;
    /** Where the archive says each layer is staged, by diff ID. */
    private final Map<String, String> paths = new HashMap<>();

    /** @param layers a source for every layer the archive's images name, by diff ID */
    StoredImageArchive(DockerArchive archive, Map<String, StoredImage.Layer> layers) {
        this.archive = archive;
        this.layers = new LinkedHashMap<>();
        for (DockerArchive.Image image : archive.images()) {
            for (DockerArchive.Layer layer : image.layers()) {
                paths.putIfAbsent(layer.digest(), layer.path());
                this.layers.putIfAbsent(layer.digest(), Objects.requireNonNull(layers.get(layer.digest()),
                        layer.digest()));
            }
        }
    }

    /** Images read from the engine's storage, described under the names they were asked by. */
    public static StoredImageArchive of(List<StoredImage> images) {
        Map<String, StoredImage> byId = new LinkedHashMap<>();
        Map<String, List<String>> names = new LinkedHashMap<>();
        Map<String, StoredImage.Layer> layers = new HashMap<>();
        for (StoredImage image : images) {
            String id = OciDigests.of(image.config());
            byId.putIfAbsent(id, image);
            names.computeIfAbsent(id, key -> new ArrayList<>()).add(ContainerdNames.of(image.reference()));
            image.layers().forEach(layer -> layers.putIfAbsent(layer.diffId(), layer));
        }
        List<DockerArchive.Image> described = new ArrayList<>();
        byId.forEach((id, image) -> described.add(new DockerArchive.Image(image.config(),
                OciDigests.hex(id) + ".json", List.copyOf(names.get(id)),
                image.layers().stream().map(layer -> new DockerArchive.Layer(
                        "layers/" + OciDigests.hex(layer.diffId()) + ".tar", layer.diffId(), layer.size())).toList())));
        return new StoredImageArchive(new DockerArchive(List.copyOf(described)), layers);
    }

    public DockerArchive archive() {
        return archive;
    }

    /** How many layers the images have between them, each counted once. */
    public int layerCount() {
        return layers.size();
    }

    /** The images' layers that are not among {@code present} (digests of a node's content store), each once. */
    public List<StoredImage.Layer> lacking(Set<String> present) {
        return layers.values().stream().filter(layer -> !present.contains(layer.diffId())).toList();
    }

    /** Writes a tar of these layers, each where {@link #archive()} says it is, into every sink at once. */
    public void write(Collection<StoredImage.Layer> send, List<OutputStream> sinks) throws IOException {
        OutputStream all = new FanOut(sinks);
        try (TarWriter tar = new TarWriter(all)) {
            for (StoredImage.Layer layer : send) {
                tar.file(paths.get(layer.diffId()), layer.size(), 0644, layer::writeTo);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Passes every byte written on to each sink, in order; closing is left to the sinks' owner. */
    private static final class FanOut extends OutputStream {
        private final List<OutputStream> sinks;

        FanOut(List<OutputStream> sinks) {
            this.sinks = sinks;
        }

        @Override
        public void write(int b) throws IOException {
            for (OutputStream sink : sinks) {
                sink.write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            for (OutputStream sink : sinks) {
                sink.write(bytes, offset, length);
            }
        }
    }
}
