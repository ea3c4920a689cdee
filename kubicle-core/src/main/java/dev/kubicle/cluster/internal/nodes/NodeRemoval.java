package dev.kubicle.cluster.internal.nodes;

import dev.kubicle.cluster.NodeRole;

/**
 * A node to be taken out of its cluster and removed.
 *
 * @param running  whether its container runs: only then is it drained and reset; a stopped or vanished node is taken
 *                 out of etcd and the API from another control plane
 * @param address  its address on the cluster network, by which etcd knows a member that never got its name
 * @param volume   its /var volume, which goes with it
 * @param balanced whether the cluster has a load balancer, which follows its control planes
 */
record NodeRemoval(String cluster, String name, NodeRole role, boolean running, String address, String volume,
                   boolean balanced) {
}
