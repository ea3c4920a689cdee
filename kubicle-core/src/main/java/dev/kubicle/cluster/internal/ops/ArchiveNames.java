package dev.kubicle.cluster.internal.ops;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where an engine's archive names an image otherwise than it was asked for: Podman saves its local image
 * {@code app:1} as {@code localhost/app:1}, a name no pod that asks for {@code app:1} (that is,
 * {@code docker.io/library/app:1}) would find. The same content under the archive's name shows which it is.
 */
public final class ArchiveNames {

    private ArchiveNames() {
    }

    /**
     * @param wanted the images as asked for, by their containerd names
     * @param saved  the images the archive names
     * @return the archive's name of each wanted image it names otherwise, mapped to the wanted name
     */
    public static Map<String, String> renamed(List<ArchiveImage> wanted, List<ArchiveImage> saved) {
        Map<String, String> renamed = new LinkedHashMap<>();
        for (ArchiveImage image : wanted) {
            if (saved.stream().anyMatch(entry -> entry.name().equals(image.name()))) {
                continue;
            }
            saved.stream().filter(entry -> entry.id().equals(image.id())).findFirst()
                    .ifPresent(entry -> renamed.put(entry.name(), image.name()));
        }
        return renamed;
    }
}
