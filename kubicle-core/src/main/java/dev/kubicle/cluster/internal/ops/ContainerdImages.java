package dev.kubicle.cluster.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.StreamSupport;

/**
 * The images a node's containerd holds, as {@code ctr -n k8s.io images ls} lists them, and whether one of them is a
 * given image. {@code ctr} lists the digest of what a name points to (a manifest or an index), while Docker's image
 * ID is the digest of the image's config, so the manifests are read to find their configs.
 */
final class ContainerdImages {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One line of {@code ctr images ls}: REF TYPE DIGEST SIZE PLATFORMS LABELS. */
    record Listed(String name, String mediaType, String digest) {
    }

    private final Map<String, Listed> byName;
    private final Function<String, String> contentOf;

    /** @param contentOf reads a blob of the node's content store by digest ({@code ctr content get}) */
    ContainerdImages(Map<String, Listed> byName, Function<String, String> contentOf) {
        this.byName = byName;
        this.contentOf = contentOf;
    }

    static Map<String, Listed> parse(String listing) {
        Map<String, Listed> images = new LinkedHashMap<>();
        for (String line : listing.split("\n")) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length < 3 || columns[0].equals("REF") || !columns[2].startsWith("sha256:")) {
                continue;
            }
            images.put(columns[0], new Listed(columns[0], columns[1], columns[2]));
        }
        return images;
    }

    /** Whether the node has this name pointing at this content: the same manifest, index or config digest. */
    boolean has(ArchiveImage image) {
        Listed listed = byName.get(image.name());
        if (listed == null) {
            return false;
        }
        return listed.digest().equals(image.id()) || configDigests(listed.digest()).contains(image.id());
    }

    /** Whether every image is there; an archive that names no image can never be found, so it always loads. */
    boolean hasAll(List<ArchiveImage> images) {
        return !images.isEmpty() && images.stream().allMatch(this::has);
    }

    /** The config digests a manifest names, or the manifests of an index (one per platform) name. */
    private List<String> configDigests(String digest) {
        JsonNode blob = read(digest);
        if (blob.has("config")) {
            return List.of(blob.path("config").path("digest").asText());
        }
        return StreamSupport.stream(blob.path("manifests").spliterator(), false)
                .map(entry -> read(entry.path("digest").asText()))
                .map(manifest -> manifest.path("config").path("digest").asText())
                .toList();
    }

    private JsonNode read(String digest) {
        try {
            return JSON.readTree(contentOf.apply(digest));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable content " + digest + " in containerd", e);
        }
    }
}
