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

    private Labels() {
    }

    public static Map<String, String> ofCluster(String cluster) {
        return Map.of(CLUSTER, cluster);
    }

    /** Matches everything of every cluster. */
    public static Map<String, String> anyCluster() {
        return Map.of(CLUSTER, "");
    }
}
