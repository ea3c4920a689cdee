package dev.kubicle.config;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The cluster name. kind's rule is {@code ^[a-z0-9.-]+$}; on top of it, the node containers named after the cluster
 * ({@code <name>-control-plane}, {@code <name>-worker2}, ...) must be valid container names and host names, which
 * also makes them valid Kubernetes node names.
 */
final class ClusterNameRules {
    private static final Pattern KIND_NAME = Pattern.compile("[a-z0-9.-]+");
    /** A host name label: letters and digits, dashes inside, at most 63 characters. */
    private static final Pattern HOST_LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final int MAX_HOST_NAME = 63;

    private ClusterNameRules() {
    }

    static void check(Cluster cluster, Problems problems) {
        check(cluster.name(), "name", cluster.nodes(), problems);
    }

    /**
     * @param path  where the name came from: {@code name} in a file, or a flag such as {@code --name}
     * @param nodes the nodes that will be named after the cluster
     */
    static void check(String name, String path, List<Node> nodes, Problems problems) {
        if (!KIND_NAME.matcher(name).matches()) {
            problems.add(path, "\"" + name + "\" is not a valid cluster name",
                    "use lower-case letters, digits, '-' and '.', such as " + suggestion(name));
            return;
        }
        String longest = longestNodeName(name, nodes);
        if (longest.length() > MAX_HOST_NAME) {
            int room = MAX_HOST_NAME - (longest.length() - name.length());
            problems.add(path, "\"" + name + "\" is too long: node " + longest + " would have " + longest.length()
                    + " characters, more than a host name's " + MAX_HOST_NAME, "use at most " + room + " characters");
            return;
        }
        for (String label : (name + "-control-plane").split("\\.", -1)) {
            if (!HOST_LABEL.matcher(label).matches()) {
                problems.add(path, "\"" + name + "\" would give nodes such as " + name
                                + "-control-plane, which is not a valid host name",
                        "start the name and every part after a '.' with a letter or digit, and end them with one");
                return;
            }
        }
    }

    private static String longestNodeName(String name, List<Node> nodes) {
        long controlPlanes = nodes.stream().filter(node -> NodeRules.CONTROL_PLANE.equals(node.role())).count();
        long workers = nodes.size() - controlPlanes;
        String controlPlane = name + "-control-plane" + (controlPlanes > 1 ? controlPlanes : "");
        String worker = name + "-worker" + (workers > 1 ? workers : "");
        return controlPlane.length() >= worker.length() ? controlPlane : worker;
    }

    private static String suggestion(String name) {
        String cleaned = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]+", "-")
                .replaceAll("^[.-]+|[.-]+$", "");
        return cleaned.isEmpty() ? ConfigDefaults.DEFAULT_CLUSTER_NAME : cleaned;
    }
}
