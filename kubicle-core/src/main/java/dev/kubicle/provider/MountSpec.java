package dev.kubicle.provider;

/**
 * A host path bind-mounted into a node.
 *
 * @param propagation "none", "hostToContainer" or "bidirectional", as kind names them
 */
public record MountSpec(String hostPath, String containerPath, boolean readOnly, boolean selinuxRelabel,
                        String propagation) {
}
