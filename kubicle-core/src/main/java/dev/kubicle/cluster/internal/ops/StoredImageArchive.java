package dev.kubicle.cluster.internal.ops;

import dev.kubicle.internal.OciDigests;
import dev.kubicle.provider.StoredImage;
import dev.kubicle.provider.docker.TarWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Images read from the engine's storage ({@link StoredImage}), put as {@link StagedImages} takes them: a
 * {@link DockerArchive} that describes them for the import, and a tar of only the layers that the nodes lack, each
 * read once and written into all of them at the same time. A layer every node holds already is neither read nor
 * sent, so loading an image whose top layer alone was rebuilt sends that layer alone.
 */
public final class StoredImageArchive {
    private final DockerArchive archive;
    /** Every layer of the images once, by diff ID, bottom layers first. */
    private final Map<String, StoredImage.Layer> layers = new LinkedHashMap<>();

    public StoredImageArchive(List<StoredImage> images) {
        Map<String, StoredImage> byId = new LinkedHashMap<>();
        Map<String, List<String>> names = new LinkedHashMap<>();
        for (StoredImage image : images) {
            String id = OciDigests.of(image.config());
            byId.putIfAbsent(id, image);
            names.computeIfAbsent(id, key -> new ArrayList<>()).add(ContainerdNames.of(image.reference()));
            image.layers().forEach(layer -> layers.putIfAbsent(layer.diffId(), layer));
        }
        List<DockerArchive.Image> described = new ArrayList<>();
        byId.forEach((id, image) -> described.add(new DockerArchive.Image(image.config(),
                OciDigests.hex(id) + ".json", List.copyOf(names.get(id)),
                image.layers().stream().map(StoredImageArchive::describe).toList())));
        this.archive = new DockerArchive(List.copyOf(described));
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
    public static void write(Collection<StoredImage.Layer> send, List<OutputStream> sinks) throws IOException {
        OutputStream all = new FanOut(sinks);
        try (TarWriter tar = new TarWriter(all)) {
            for (StoredImage.Layer layer : send) {
                tar.file(describe(layer).path(), layer.size(), 0644, layer::writeTo);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static DockerArchive.Layer describe(StoredImage.Layer layer) {
        return new DockerArchive.Layer("layers/" + OciDigests.hex(layer.diffId()) + ".tar", layer.diffId(),
                layer.size());
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
