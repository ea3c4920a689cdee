package dev.kubicle.config;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
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

    /**
     * The lowest /24 of an IPv4 pod subnet that no node has yet ({@code taken}), for a node that joins a running
     * cluster; empty when every block is taken, or the subnet is not one kubicle divides (see {@link #of}).
     */
    public static Optional<String> firstFree(String podSubnet, Collection<String> taken) {
        Optional<Cidr> subnet = Cidr.parse(podSubnet.strip())
                .filter(parsed -> parsed.isIpv4() && parsed.prefix() < NODE_PREFIX_IPV4);
        if (subnet.isEmpty()) {
            return Optional.empty();
        }
        long count = 1L << (NODE_PREFIX_IPV4 - subnet.get().prefix());
        for (long i = 0; i < count; i++) {
            String candidate = block(subnet.get(), i);
            if (!taken.contains(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static Optional<List<String>> blocks(Cidr subnet, int count) {
        if (count > 1L << (NODE_PREFIX_IPV4 - subnet.prefix())) {
            return Optional.empty();
        }
        List<String> ranges = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ranges.add(block(subnet, i));
        }
        return Optional.of(List.copyOf(ranges));
    }

    /** The subnet's {@code index}th /24. */
    private static String block(Cidr subnet, long index) {
        BigInteger step = BigInteger.ONE.shiftLeft(subnet.address().bits() - NODE_PREFIX_IPV4);
        IpAddress start = new IpAddress(subnet.network().value().add(step.multiply(BigInteger.valueOf(index))),
                subnet.address().bits());
        return new Cidr(start, NODE_PREFIX_IPV4).toString();
    }
}
