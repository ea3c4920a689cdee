package dev.kubicle.config;

import java.util.List;

/**
 * {@code kind} and {@code apiVersion}: which of the two schemas a file follows. kind's schema lacks kubicle's static
 * addressing and node resources, so those fields need kubicle's apiVersion; that keeps a file that says it is kind's
 * usable by kind.
 */
final class TypeMetaRules {
    static final String KIND = "Cluster";
    static final String KIND_API_VERSION = "kind.x-k8s.io/v1alpha4";
    static final String KUBICLE_API_VERSION = Cluster.KUBICLE_API_VERSION;

    private TypeMetaRules() {
    }

    static boolean isKubicle(Cluster cluster) {
        return KUBICLE_API_VERSION.equals(cluster.apiVersion());
    }

    static void check(Cluster cluster, Problems problems) {
        if (cluster.kind() == null) {
            problems.add("kind", "is missing", "add kind: " + KIND);
        } else if (!KIND.equals(cluster.kind())) {
            problems.add("kind", "\"" + cluster.kind() + "\" is not a kind of config kubicle reads",
                    "use kind: " + KIND);
        }
        String versions = "use apiVersion: " + KUBICLE_API_VERSION + " (or " + KIND_API_VERSION + " for a kind file)";
        if (cluster.apiVersion() == null) {
            problems.add("apiVersion", "is missing", versions.replace("use", "add"));
        } else if (!isKubicle(cluster) && !KIND_API_VERSION.equals(cluster.apiVersion())) {
            problems.add("apiVersion", "\"" + cluster.apiVersion() + "\" is not supported", versions);
        } else if (!isKubicle(cluster)) {
            rejectKubicleFields(cluster, problems);
        }
    }

    private static void rejectKubicleFields(Cluster cluster, Problems problems) {
        String fix = "switch apiVersion to " + KUBICLE_API_VERSION + " to use it";
        if (cluster.networking() != null && cluster.networking().subnet() != null) {
            problems.add("networking.subnet", "is a kubicle field that " + KIND_API_VERSION + " does not have", fix);
        }
        if (cluster.engines() != null) {
            problems.add("engines", "is a kubicle field that " + KIND_API_VERSION + " does not have", fix);
        }
        List<Node> nodes = cluster.nodes() == null ? List.of() : cluster.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).ip() != null) {
                problems.add(YamlPath.field(YamlPath.index("nodes", i), "ip"),
                        "is a kubicle field that " + KIND_API_VERSION + " does not have", fix);
            }
            if (nodes.get(i).engine() != null) {
                problems.add(YamlPath.field(YamlPath.index("nodes", i), "engine"),
                        "is a kubicle field that " + KIND_API_VERSION + " does not have", fix);
            }
            if (nodes.get(i).resources() != null) {
                problems.add(YamlPath.field(YamlPath.index("nodes", i), "resources"),
                        "is a kubicle field that " + KIND_API_VERSION + " does not have", fix);
            }
        }
    }
}
