package dev.kubicle.config;

import java.util.List;
import java.util.Set;

/** {@code nodes}: roles, at least one control plane, image references and each node's mounts. */
final class NodeRules {
    static final String CONTROL_PLANE = "control-plane";
    private static final Set<String> ROLES = Set.of(CONTROL_PLANE, "worker");

    private NodeRules() {
    }

    static void check(Cluster cluster, Problems problems) {
        List<Node> nodes = cluster.nodes();
        if (nodes.stream().noneMatch(node -> CONTROL_PLANE.equals(node.role()))) {
            problems.add("nodes", "has no control-plane node", "give at least one node role: " + CONTROL_PLANE);
        }
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            String path = YamlPath.index("nodes", i);
            if (!ROLES.contains(node.role())) {
                problems.add(YamlPath.field(path, "role"), "\"" + node.role() + "\" is not a node role",
                        "use " + CONTROL_PLANE + " or worker");
            }
            ImageReference.check(node.image(), YamlPath.field(path, "image"), problems);
            List<Mount> mounts = node.extraMounts();
            for (int m = 0; m < mounts.size(); m++) {
                MountRules.check(mounts.get(m), YamlPath.index(YamlPath.field(path, "extraMounts"), m), problems);
            }
        }
    }
}
