package dev.kubicle.config;

/** A host path mounted into a node, as kind's {@code extraMounts}. */
public record Mount(
        String containerPath,
        String hostPath,
        Boolean readOnly,
        Boolean selinuxRelabel,
        String propagation) {
}
