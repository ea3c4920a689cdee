package dev.kubicle.cluster.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The named images an image archive holds, read from its table of contents: {@code manifest.json} in a
 * {@code docker save} archive (Docker before 25 writes only that), {@code index.json} in an OCI layout (Docker 25
 * and later write both; the Docker one wins, as its IDs are the ones the engine shows).
 */
final class ImageArchiveIndex {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OCI_NAME = "io.containerd.image.name";
    private static final String OCI_REF = "org.opencontainers.image.ref.name";

    private ImageArchiveIndex() {
    }

    /**
     * @return the named images; empty when the archive names none (then nothing can be compared)
     * @throws IOException when it has no table of contents
     * @throws TarEntries.NotATarException when the stream is not a tar
     */
    static List<ArchiveImage> read(InputStream archive) throws IOException {
        TarEntries entries = new TarEntries(archive);
        JsonNode dockerManifest = null;
        JsonNode ociIndex = null;
        for (TarEntries.Entry entry = entries.next(); entry != null; entry = entries.next()) {
            String name = entry.name().replaceFirst("^\\./", "");
            if (name.equals("manifest.json")) {
                dockerManifest = JSON.readTree(entries.content());
            } else if (name.equals("index.json")) {
                ociIndex = JSON.readTree(entries.content());
            }
        }
        if (dockerManifest != null) {
            return fromDockerManifest(dockerManifest);
        }
        if (ociIndex != null) {
            return fromOciIndex(ociIndex);
        }
        throw new IOException("it holds neither manifest.json nor index.json, so it is no image archive");
    }

    static List<ArchiveImage> fromDockerManifest(JsonNode manifest) {
        List<ArchiveImage> images = new ArrayList<>();
        for (JsonNode image : manifest) {
            // "<hex>.json" (Docker before 25) or "blobs/sha256/<hex>" (OCI layout inside).
            String config = image.path("Config").asText("");
            String hex = config.substring(config.lastIndexOf('/') + 1).replaceFirst("\\.json$", "");
            for (JsonNode tag : image.path("RepoTags")) {
                images.add(new ArchiveImage(ContainerdNames.of(tag.asText()), "sha256:" + hex));
            }
        }
        return images;
    }

    static List<ArchiveImage> fromOciIndex(JsonNode index) {
        List<ArchiveImage> images = new ArrayList<>();
        for (JsonNode manifest : index.path("manifests")) {
            JsonNode annotations = manifest.path("annotations");
            String name = annotations.path(OCI_NAME).asText(annotations.path(OCI_REF).asText(""));
            // A bare ref.name is only a tag ("latest"); without a full name the image cannot be looked for.
            if (name.contains("/") || name.contains(":")) {
                images.add(new ArchiveImage(ContainerdNames.of(name), manifest.path("digest").asText()));
            }
        }
        return images;
    }
}
