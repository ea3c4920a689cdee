package dev.kubicle.cluster;

import dev.kubicle.config.Cluster;

import java.util.List;
import java.util.Optional;

/**
 * Everything a create will make, worked out from the config before the engine is touched, so that
 * {@code --dry-run} can show it and each action can read it.
 */
public record ClusterPlan(String name, String network, Optional<String> subnet, List<NodePlan> nodes,
                          Cluster config) {

    public List<NodePlan> nodes(NodeRole role) {
        return nodes.stream().filter(node -> node.role() == role).toList();
    }

    /** The control-plane node kubeadm init runs on. */
    public NodePlan bootstrapControlPlane() {
        return nodes(NodeRole.CONTROL_PLANE).get(0);
    }
}
