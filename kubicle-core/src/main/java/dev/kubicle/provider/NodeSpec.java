package dev.kubicle.provider;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything needed to run one node container, independent of the engine: the provider adds what every node
 * needs (privileges, tmpfs on /run and /tmp, the cgroup set-up, /lib/modules) on its own.
 *
 * @param name        container name, which is also the node's hostname
 * @param ip          a static IPv4 address on {@code network}, or empty for one the engine picks
 * @param varVolume   name of the node's volume, labelled like the node so that delete finds it, mounted at /var or
 *                    at the narrower directory its image names (see {@link #volumePath}); empty for none, which
 *                    keeps /var in the container's own file system (where a commit saves it)
 * @param ports       ports published on the host
 * @param mounts      host paths mounted into the node
 * @param entrypoint  the command the container runs instead of the image's entrypoint; empty for the image's
 */
public record NodeSpec(
        String name,
        String image,
        Map<String, String> labels,
        String network,
        Optional<String> ip,
        String varVolume,
        List<PortSpec> ports,
        List<MountSpec> mounts,
        Map<String, String> env,
        List<String> entrypoint) {

    /**
     * The label by which a node image names the one directory that must not be on the container's overlay file
     * system (containerd's overlayfs snapshots, which cannot stack on overlayfs). Without it the volume holds all of
     * /var, as in kind, and the engine copies the image's /var into every new node (its preloaded images: hundreds of
     * megabytes, over a second per node).
     */
    public static final String VOLUME_PATH_LABEL = "dev.kubicle.node.volume-path";

    public NodeSpec {
        entrypoint = entrypoint == null ? List.of() : List.copyOf(entrypoint);
    }

    /** A node that boots through its image's entrypoint, as cluster nodes do. */
    public NodeSpec(String name, String image, Map<String, String> labels, String network, Optional<String> ip,
                    String varVolume, List<PortSpec> ports, List<MountSpec> mounts, Map<String, String> env) {
        this(name, image, labels, network, ip, varVolume, ports, mounts, env, List.of());
    }

    /** Where a node made from an image with these labels mounts its volume. */
    public static String volumePath(Map<String, String> imageLabels) {
        String path = imageLabels.get(VOLUME_PATH_LABEL);
        return path == null || path.isBlank() ? "/var" : path;
    }

    public boolean hasVarVolume() {
        return varVolume != null && !varVolume.isEmpty();
    }
}
