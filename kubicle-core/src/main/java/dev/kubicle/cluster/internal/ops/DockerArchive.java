package dev.kubicle.cluster.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubicle.internal.OciDigests;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The images of a {@code docker save} archive, as its {@code manifest.json} and image configs describe them: enough
 * to place each layer in a node's containerd by digest, without containerd reading the archive itself.
 *
 * @param images the archive's images, in the order of its manifest
 */
public record DockerArchive(List<Image> images) {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** More links in a row than any writer makes: a loop. */
    private static final int MAX_LINK_HOPS = 8;

    /**
     * @param config     the image config as the archive holds it; its digest is Docker's image ID
     * @param configPath where the archive holds the config
     * @param names      the archive's names of the image (its RepoTags), as containerd names them
     * @param layers     bottom layer first
     */
    public record Image(byte[] config, String configPath, List<String> names, List<Layer> layers) {
    }

    /**
     * One uncompressed layer tar.
     *
     * @param path   where the archive holds it, e.g. {@code <id>/layer.tar} or {@code blobs/sha256/<hex>}
     * @param digest its digest, which for an uncompressed layer is its diff ID from the image config
     * @param size   its length in bytes
     */
    public record Layer(String path, String digest, long size) {
        /** The digest's hex part, the blob's file name in a content store. */
        public String hex() {
            return OciDigests.hex(digest);
        }
    }

    /**
     * @param files the archive's small files by path, {@code manifest.json} and the image configs among them
     * @param sizes the size of every file in the archive, by path
     * @param links the archive path each link entry leads to, by the link's path
     * @return the archive's images, or empty when it has no {@code manifest.json} (an OCI layout only)
     * @throws IOException when the manifest names a file the archive lacks or a config without a diff ID per layer
     */
    public static Optional<DockerArchive> of(Map<String, byte[]> files, Map<String, Long> sizes,
                                             Map<String, String> links) throws IOException {
        byte[] manifest = files.get("manifest.json");
        if (manifest == null) {
            return Optional.empty();
        }
        List<Image> images = new ArrayList<>();
        for (JsonNode entry : JSON.readTree(manifest)) {
            String configPath = entry.path("Config").asText();
            byte[] config = required(files, configPath);
            JsonNode diffIds = JSON.readTree(config).path("rootfs").path("diff_ids");
            JsonNode layerPaths = entry.path("Layers");
            if (diffIds.size() != layerPaths.size()) {
                throw new IOException(configPath + " names " + diffIds.size() + " layers, manifest.json "
                        + layerPaths.size());
            }
            List<Layer> layers = new ArrayList<>();
            for (int i = 0; i < layerPaths.size(); i++) {
                String path = real(links, layerPaths.get(i).asText());
                Long size = sizes.get(path);
                if (size == null) {
                    throw new IOException("manifest.json names " + path + ", which the archive lacks");
                }
                layers.add(new Layer(path, diffIds.get(i).asText(), size));
            }
            List<String> names = new ArrayList<>();
            entry.path("RepoTags").forEach(tag -> names.add(ContainerdNames.of(tag.asText())));
            images.add(new Image(config, configPath, List.copyOf(names), List.copyOf(layers)));
        }
        return Optional.of(new DockerArchive(List.copyOf(images)));
    }

    /**
     * {@code docker save} writes a layer that two images of the archive share once: the second image's layer is a
     * link to the first's file. A layer is placed from the file itself.
     */
    private static String real(Map<String, String> links, String path) {
        String real = path;
        for (int hops = 0; hops < MAX_LINK_HOPS && links.containsKey(real); hops++) {
            real = links.get(real);
        }
        return real;
    }

    private static byte[] required(Map<String, byte[]> files, String path) throws IOException {
        byte[] content = files.get(path);
        if (content == null) {
            throw new IOException("manifest.json names " + path + ", which the archive lacks");
        }
        return content;
    }
}
