package dev.kubicle.cluster.internal;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Programs kubicle's pod network on nodes directly, as the kubicle-cni DaemonSet's pods do once they run: each node
 * routes every other node's pod CIDR to that node. An operation that hands a cluster over (create, start, a node
 * added) does this itself before it returns, because Ready nodes do not mean routed pods: a node is Ready as soon as
 * its CNI config exists, and its DaemonSet pod may start seconds later. Images without kubicle's pod network
 * (kind's) lack the node's tool and are left alone.
 */
public final class PodRoutes {
    private PodRoutes() {
    }

    /**
     * @param podSubnet the cluster's pod subnet, which pod traffic keeps its addresses within
     * @param ranges    each node's pod CIDR, by node name
     * @param addresses each node's address on the cluster network, by node name
     */
    public static void program(NodeCommands commands, Parallel parallel, String podSubnet, Map<String, String> ranges,
                               Map<String, String> addresses) throws InterruptedException {
        parallel.forEach(ranges.keySet().stream().sorted().toList(), node -> {
            String routes = ranges.entrySet().stream()
                    .filter(other -> !other.getKey().equals(node) && addresses.containsKey(other.getKey()))
                    .map(other -> other.getValue() + " " + addresses.get(other.getKey()) + "\n")
                    .sorted()
                    .collect(Collectors.joining());
            commands.runWithInput(node, routes, "sh", "-c",
                    "if command -v kubicle-pod-routes >/dev/null; then kubicle-pod-routes \"$1\"; fi", "sh",
                    podSubnet);
        });
    }
}
