package dev.kubicle.provider.docker;

import dev.kubicle.internal.OciDigests;
import dev.kubicle.provider.StoredImage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Docker's image storage with the overlay2 driver, read directly: an image's config is a file named by the image's
 * ID, and each layer, found by its chain ID, has the directory of its files and the tar-split record that puts its
 * tar together again ({@link TarSplitLayer}). Anything that is not as expected makes the image unreadable here, and
 * the caller then asks the engine to save it.
 */
final class Overlay2Storage {
    static final String DRIVER = "overlay2";
    /** Docker names a layer's directory with random hex digits; anything else is not a directory name to follow. */
    private static final Pattern CACHE_ID = Pattern.compile("[0-9a-f]{1,128}");

    private final Path root;

    private Overlay2Storage(Path root) {
        this.root = root;
    }

    /**
     * @param rootDir the engine's {@code DockerRootDir}
     * @param driver  its storage driver
     * @return empty unless the driver is overlay2 and its layer database is readable by this process
     */
    static Optional<Overlay2Storage> of(String rootDir, String driver) {
        if (!DRIVER.equals(driver) || rootDir == null || rootDir.isBlank()) {
            return Optional.empty();
        }
        Overlay2Storage storage = new Overlay2Storage(Path.of(rootDir));
        return Files.isReadable(storage.layerDb()) ? Optional.of(storage) : Optional.empty();
    }

    /**
     * @param id      the image's ID, "sha256:..."
     * @param diffIds its layers' digests, bottom layer first, as the engine's inspection lists them
     * @return empty when any part of the image is missing, unreadable or not what its name says
     */
    Optional<StoredImage> image(String reference, String id, List<String> diffIds) {
        try {
            Path configs = metadata().resolve("imagedb/content/sha256");
            byte[] config = Files.readAllBytes(configs.resolve(OciDigests.hex(id)));
            if (!OciDigests.of(config).equals(id)) {
                return Optional.empty();
            }
            List<StoredImage.Layer> layers = new ArrayList<>();
            String chainId = null;
            for (String diffId : diffIds) {
                // A layer is kept under its chain ID, the digest of the layers below it and its own diff ID.
                chainId = chainId == null ? diffId
                        : OciDigests.of((chainId + " " + diffId).getBytes(StandardCharsets.UTF_8));
                Path layer = layerDb().resolve(OciDigests.hex(chainId));
                if (!Files.readString(layer.resolve("diff")).strip().equals(diffId)) {
                    return Optional.empty();
                }
                String cacheId = Files.readString(layer.resolve("cache-id")).strip();
                Path files = root.resolve(DRIVER).resolve(cacheId).resolve("diff");
                if (!CACHE_ID.matcher(cacheId).matches() || !Files.isDirectory(files)) {
                    return Optional.empty();
                }
                layers.add(TarSplitLayer.of(diffId, layer.resolve("tar-split.json.gz"), files));
            }
            return Optional.of(new StoredImage(reference, config, layers));
        } catch (IOException | RuntimeException e) {
            // Unreadable or unexpected storage is no error: saving the image through the engine still works.
            return Optional.empty();
        }
    }

    private Path metadata() {
        return root.resolve("image").resolve(DRIVER);
    }

    private Path layerDb() {
        return metadata().resolve("layerdb/sha256");
    }
}
