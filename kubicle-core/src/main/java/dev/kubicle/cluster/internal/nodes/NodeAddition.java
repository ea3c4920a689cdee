package dev.kubicle.cluster.internal.nodes;

import dev.kubicle.cluster.NodePlan;
import dev.kubicle.cluster.internal.create.ProvisionNodesAction;
import dev.kubicle.provider.NetworkInfo;
import dev.kubicle.provider.NodeSpec;

import java.util.List;
import java.util.Optional;

/**
 * A node to be added to a running cluster, worked out before anything is made.
 *
 * @param node             its container, as create plans one
 * @param network          the cluster network, whose subnets the node's container records
 * @param apiServerAddress where the cluster publishes its API server on the host, a name its certificates carry
 * @param podRange         the pod CIDR kubicle gives it, or empty where the controller manager allocates one
 * @param balanced         whether the cluster has a load balancer, which follows its control planes
 * @param dnsSearch        the search domains the cluster's nodes were made with, empty for the host's
 */
record NodeAddition(String cluster, NodePlan node, NetworkInfo network, String apiServerAddress,
                    ClusterSettings settings, Optional<String> podRange, boolean balanced,
                    Optional<List<String>> dnsSearch) {

    String name() {
        return node.name();
    }

    NodeSpec spec() {
        return ProvisionNodesAction.spec(network, node, node.ip().orElseThrow(), node.ipv6(), dnsSearch);
    }
}
