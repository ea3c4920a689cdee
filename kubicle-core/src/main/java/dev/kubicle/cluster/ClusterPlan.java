package dev.kubicle.cluster;

import dev.kubicle.config.Cluster;
import dev.kubicle.config.NodePodRanges;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a create will make, worked out from the config before the engine is touched, so that
 * {@code --dry-run} can show it and each action can read it.
 *
 * @param subnet     the network's IPv4 subnet, or empty for one the engine chooses
 * @param ipv6Subnet the network's IPv6 subnet, for an IPv6 or dual-stack cluster only
 */
public record ClusterPlan(String name, String network, Optional<String> subnet, Optional<String> ipv6Subnet,
                          List<NodePlan> nodes, Optional<NodePlan> loadBalancer, Cluster config) {

    public List<NodePlan> nodes(NodeRole role) {
        return nodes.stream().filter(node -> node.role() == role).toList();
    }

    /** The container that publishes the API server on the host: the load balancer if there is one. */
    public NodePlan apiServerPublisher() {
        return loadBalancer.orElseGet(this::bootstrapControlPlane);
    }

    /** {@code host:port} where nodes and pods reach the API server on the cluster network. */
    public String controlPlaneEndpoint() {
        return apiServerPublisher().name() + ":" + ClusterPlanner.API_SERVER_PORT;
    }

    /** The pod CIDR kubicle gives the node, or empty where the controller manager allocates it. */
    public Optional<String> podRange(NodePlan node) {
        return NodePodRanges.of(config).map(ranges -> ranges.get(nodes.indexOf(node)));
    }

    /** This plan with more labels on every container; the plan's own labels win over them. */
    public ClusterPlan withExtraContainerLabels(Map<String, String> extra) {
        if (extra.isEmpty()) {
            return this;
        }
        return new ClusterPlan(name, network, subnet, ipv6Subnet,
                nodes.stream().map(node -> node.withExtraLabels(extra)).toList(),
                loadBalancer.map(node -> node.withExtraLabels(extra)), config);
    }

    /** The control-plane node kubeadm init runs on. */
    public NodePlan bootstrapControlPlane() {
        return nodes(NodeRole.CONTROL_PLANE).get(0);
    }
}
