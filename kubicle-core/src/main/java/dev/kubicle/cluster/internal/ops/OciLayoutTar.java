package dev.kubicle.cluster.internal.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubicle.internal.OciDigests;
import dev.kubicle.provider.docker.TarWriter;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An OCI image layout tar that holds the images' configs and manifests but none of their layers: {@code ctr images
 * import} of it names the images and, as their layers are in the node's content store already, unpacks them.
 * The layers are uncompressed tars, so each one's digest is its diff ID and nothing is compressed or decompressed.
 */
final class OciLayoutTar {
    static final String MANIFEST_TYPE = "application/vnd.oci.image.manifest.v1+json";
    static final String CONFIG_TYPE = "application/vnd.oci.image.config.v1+json";
    static final String LAYER_TYPE = "application/vnd.oci.image.layer.v1.tar";
    /** The annotation containerd's importer takes an image's full name from. */
    static final String NAME_ANNOTATION = "io.containerd.image.name";
    private static final ObjectMapper JSON = new ObjectMapper();

    private OciLayoutTar() {
    }

    /** @param names the names to give each image, in the archive's order of images */
    static byte[] of(List<DockerArchive.Image> images, List<List<String>> names) {
        Map<String, byte[]> blobs = new LinkedHashMap<>();
        ObjectNode index = JSON.createObjectNode().put("schemaVersion", 2);
        ArrayNode entries = index.putArray("manifests");
        for (int i = 0; i < images.size(); i++) {
            DockerArchive.Image image = images.get(i);
            String configDigest = put(blobs, image.config());
            byte[] manifest = manifest(image, configDigest);
            String manifestDigest = put(blobs, manifest);
            for (String name : names.get(i)) {
                ObjectNode entry = entries.addObject().put("mediaType", MANIFEST_TYPE)
                        .put("digest", manifestDigest).put("size", manifest.length);
                entry.putObject("annotations").put(NAME_ANNOTATION, name);
            }
        }
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        try (TarWriter writer = new TarWriter(tar)) {
            writer.file("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8), 0644);
            writer.file("index.json", json(index), 0644);
            blobs.forEach((digest, content) -> writer.file("blobs/sha256/" + OciDigests.hex(digest), content, 0644));
        }
        return tar.toByteArray();
    }

    private static byte[] manifest(DockerArchive.Image image, String configDigest) {
        ObjectNode manifest = JSON.createObjectNode().put("schemaVersion", 2).put("mediaType", MANIFEST_TYPE);
        manifest.putObject("config").put("mediaType", CONFIG_TYPE).put("digest", configDigest)
                .put("size", image.config().length);
        ArrayNode layers = manifest.putArray("layers");
        for (DockerArchive.Layer layer : image.layers()) {
            layers.addObject().put("mediaType", LAYER_TYPE).put("digest", layer.digest()).put("size", layer.size());
        }
        return json(manifest);
    }

    private static String put(Map<String, byte[]> blobs, byte[] content) {
        String digest = OciDigests.of(content);
        blobs.put(digest, content);
        return digest;
    }

    private static byte[] json(ObjectNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }
}
