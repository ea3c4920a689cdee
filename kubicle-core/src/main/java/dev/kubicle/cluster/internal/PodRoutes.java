package dev.kubicle.cluster.internal;

import dev.kubicle.config.IpFamilies;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
     * @param podSubnet      the cluster's pod subnet (for dual stack both, comma-separated), which pod traffic keeps
     *                       its addresses within
     * @param serviceSubnets the cluster's Service ranges, comma-separated: packets for them that kube-proxy leaves
     *                       untranslated are refused at the node instead of leaving the cluster; empty leaves the
     *                       node's rules for them as they are
     * @param ranges         each node's pod CIDR (for dual stack one of each family, comma-separated), by node name
     * @param addresses      each node's address on the cluster network (for dual stack one of each family,
     *                       comma-separated), by node name
     */
    public static void program(NodeCommands commands, Parallel parallel, String podSubnet, String serviceSubnets,
                               Map<String, String> ranges, Map<String, String> addresses) throws InterruptedException {
        // The Service ranges go in the environment: nodes from images before the guard take one argument only.
        parallel.forEach(ranges.keySet().stream().sorted().toList(), node -> {
            commands.runWithInput(node, routesOf(node, ranges, addresses), "sh", "-c",
                    "if command -v kubicle-pod-routes >/dev/null; then"
                            + " KUBICLE_SERVICE_SUBNETS=\"$2\" kubicle-pod-routes \"$1\"; fi", "sh",
                    podSubnet, serviceSubnets);
        });
    }

    /**
     * The input of a node's {@code kubicle-pod-routes}: a "CIDR ADDRESS" line for each pod CIDR of every other node.
     * The arguments are those of {@link #program}.
     */
    public static String routesOf(String node, Map<String, String> ranges, Map<String, String> addresses) {
        return ranges.entrySet().stream()
                .filter(other -> !other.getKey().equals(node) && addresses.containsKey(other.getKey()))
                .flatMap(other -> routes(other.getValue(), addresses.get(other.getKey())))
                .sorted()
                .collect(Collectors.joining());
    }

    /** A "CIDR ADDRESS" line for each of a node's pod CIDRs, through its address of the same family. */
    static Stream<String> routes(String podCidrs, String addresses) {
        return Arrays.stream(podCidrs.split(",")).flatMap(cidr -> (cidr.contains(":")
                ? IpFamilies.ipv6(addresses) : IpFamilies.ipv4(addresses)).stream()
                .map(via -> cidr + " " + via + "\n"));
    }
}
