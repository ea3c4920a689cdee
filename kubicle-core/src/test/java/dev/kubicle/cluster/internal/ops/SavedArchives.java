package dev.kubicle.cluster.internal.ops;

import dev.kubicle.internal.OciDigests;
import dev.kubicle.provider.docker.TarWriter;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A two-layer image archive as Docker before 25 saves it: layer directories, the config, then manifest.json. */
final class SavedArchives {
    static final byte[] BOTTOM = "bottom layer".repeat(100).getBytes(StandardCharsets.UTF_8);
    static final byte[] TOP = "top layer".getBytes(StandardCharsets.UTF_8);
    static final String BOTTOM_DIGEST = OciDigests.of(BOTTOM);
    static final String TOP_DIGEST = OciDigests.of(TOP);
    static final byte[] CONFIG = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\","
            + "\"diff_ids\":[\"" + BOTTOM_DIGEST + "\",\"" + TOP_DIGEST + "\"]}}").getBytes(StandardCharsets.UTF_8);
    static final String CONFIG_DIGEST = OciDigests.of(CONFIG);

    private SavedArchives() {
    }

    static byte[] twoLayers() {
        String config = CONFIG_DIGEST.substring("sha256:".length()) + ".json";
        String manifest = "[{\"Config\":\"" + config + "\",\"RepoTags\":[\"ops/app:1\"],"
                + "\"Layers\":[\"b1/layer.tar\",\"t2/layer.tar\"]}]";
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        try (TarWriter tar = new TarWriter(archive)) {
            tar.file("b1/layer.tar", BOTTOM, 0644).file("t2/layer.tar", TOP, 0644).file(config, CONFIG, 0644)
                    .file("manifest.json", manifest.getBytes(StandardCharsets.UTF_8), 0644);
        }
        return archive.toByteArray();
    }
}
