package dev.kubicle.cluster.internal.nodes;

import dev.kubicle.cluster.NodePlan;
import dev.kubicle.cluster.internal.create.ProvisionNodesAction;
import dev.kubicle.provider.NodeSpec;

import java.util.List;
import java.util.Optional;

/**
 * A node to be added to a running cluster, worked out before anything is made.
 *
 * @param node             its container, as create plans one
 * @param subnet           the cluster network's subnet, which the node's container records
 * @param apiServerAddress where the cluster publishes its API server on the host, a name its certificates carry
 * @param podRange         the pod CIDR kubicle gives it, or empty where the controller manager allocates one
 * @param balanced         whether the cluster has a load balancer, which follows its control planes
 * @param dnsSearch        the search domains the cluster's nodes were made with, empty for the host's
 */
record NodeAddition(String cluster, NodePlan node, String network, String subnet, String apiServerAddress,
                    ClusterSettings settings, Optional<String> podRange, boolean balanced,
                    Optional<List<String>> dnsSearch) {

    String name() {
        return node.name();
    }

    NodeSpec spec() {
        return ProvisionNodesAction.spec(network, subnet, node, node.ip().orElseThrow(), dnsSearch);
    }
}
