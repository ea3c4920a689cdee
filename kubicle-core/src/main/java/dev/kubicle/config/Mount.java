package dev.kubicle.config;

/**
 * A host path mounted into a node, as kind's {@code extraMounts}; {@code propagation} is None, HostToContainer or
 * Bidirectional.
 */
public record Mount(
        String containerPath,
        String hostPath,
        Boolean readOnly,
        Boolean selinuxRelabel,
        String propagation) {
}
