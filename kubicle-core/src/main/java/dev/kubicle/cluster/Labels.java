package dev.kubicle.cluster;

import java.util.Map;

/**
 * The labels that make a container, volume or network part of a cluster. They are kubicle's only record of what
 * exists: list, delete and start find everything through them.
 */
public final class Labels {
    public static final String CLUSTER = "dev.kubicle.cluster";
    public static final String ROLE = "dev.kubicle.role";
    /**
     * The cluster network's subnet, on every node: the network can then be made again as it was, with the nodes'
     * addresses inside it, should it be removed while the cluster is stopped.
     */
    public static final String SUBNET = "dev.kubicle.subnet";
    /** The cluster network's IPv6 subnet, on every node of an IPv6 or dual-stack cluster, for the same reason. */
    public static final String IPV6_SUBNET = "dev.kubicle.subnet.ipv6";

    private Labels() {
    }

    public static Map<String, String> ofCluster(String cluster) {
        return Map.of(CLUSTER, cluster);
    }

    /** What marks a container as the cluster's node (or load balancer) of that role. */
    public static Map<String, String> ofRole(String cluster, NodeRole role) {
        return Map.of(CLUSTER, cluster, ROLE, role.label());
    }

    /** Matches everything of every cluster. */
    public static Map<String, String> anyCluster() {
        return Map.of(CLUSTER, "");
    }
}
