package dev.kubicle.config;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pod CIDR of each node, chosen by kubicle rather than by the controller manager, where the default pod network
 * is used: the pod subnet's /24 blocks (the controller manager's IPv4 size) from the first one, one per node in
 * config order (validation keeps the service subnet out of the pod subnet). Known before the cluster exists, a node's block lets
 * its CNI config be written before its kubelet starts, so that the node is Ready when it registers instead of
 * seconds later, once the controller manager has started, allocated and the CNI's pod has run.
 */
public final class NodePodRanges {
    private static final int NODE_PREFIX_IPV4 = 24;

    private NodePodRanges() {
    }

    /**
     * Empty where the controller manager keeps allocating: a disabled default CNI (the user's may expect its own
     * IPAM), dual stack, IPv6, or a pod subnet too narrow for the nodes.
     */
    public static Optional<List<String>> of(Cluster cluster) {
        Networking networking = cluster.networking();
        String podSubnet = networking.podSubnet();
        if (Boolean.TRUE.equals(networking.disableDefaultCNI()) || podSubnet == null || podSubnet.contains(",")) {
            return Optional.empty();
        }
        return Cidr.parse(podSubnet.strip())
                .filter(subnet -> subnet.isIpv4() && subnet.prefix() < NODE_PREFIX_IPV4)
                .flatMap(subnet -> blocks(subnet, cluster.nodes().size()));
    }

    private static Optional<List<String>> blocks(Cidr subnet, int count) {
        if (count > 1L << (NODE_PREFIX_IPV4 - subnet.prefix())) {
            return Optional.empty();
        }
        BigInteger step = BigInteger.ONE.shiftLeft(subnet.address().bits() - NODE_PREFIX_IPV4);
        List<String> ranges = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            IpAddress start = new IpAddress(subnet.network().value().add(step.multiply(BigInteger.valueOf(i))),
                    subnet.address().bits());
            ranges.add(new Cidr(start, NODE_PREFIX_IPV4).toString());
        }
        return Optional.of(List.copyOf(ranges));
    }
}
