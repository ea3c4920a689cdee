package dev.kubicle.cluster.internal.create;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.cluster.Labels;
import dev.kubicle.cluster.NodePlan;
import dev.kubicle.cluster.internal.Action;
import dev.kubicle.cluster.internal.ActionContext;
import dev.kubicle.cluster.internal.NodeAddresses;
import dev.kubicle.cluster.internal.loadbalancer.LoadBalancer;
import dev.kubicle.provider.NetworkInfo;
import dev.kubicle.provider.NetworkSpec;
import dev.kubicle.provider.NodeSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Creates the cluster's network, then starts every node container, and the load balancer if any, at once, each at
 * an address of its own that stays the same for the cluster's life.
 */
public final class ProvisionNodesAction implements Action<ActionContext> {
    /** Tells the node image its role, before any kubeadm runs (kubicle-unpack-images.service reads it). */
    static final String ROLE_VARIABLE = "KUBICLE_NODE_ROLE";

    private final int nodeCount;

    public ProvisionNodesAction(int nodeCount) {
        this.nodeCount = nodeCount;
    }

    @Override
    public String title() {
        return "Preparing nodes " + "📦".repeat(nodeCount);
    }

    @Override
    public void execute(ActionContext context) throws InterruptedException {
        var plan = context.plan();
        if (context.provider().network(plan.network()).isEmpty()) {
            context.provider().createNetwork(new NetworkSpec(plan.network(), plan.subnet(), plan.ipv6Subnet(),
                    Labels.ofCluster(plan.name())));
        }
        NetworkInfo network = context.provider().network(plan.network()).orElseThrow(() -> new KubicleException(
                ExitCode.UNEXPECTED_STATE, "the network " + plan.network() + " vanished while it was being set up"));
        List<NodePlan> all = new ArrayList<>(plan.nodes());
        plan.loadBalancer().ifPresent(all::add);
        List<String> addresses = new NodeAddresses(network.subnet(), network.gateway(), List.of())
                .assignAll(all.stream().map(NodePlan::ip).toList());
        List<Optional<String>> ipv6 = ipv6Addresses(network, all);
        List<Runnable> containers = new ArrayList<>();
        for (int i = 0; i < plan.nodes().size(); i++) {
            NodeSpec spec = spec(network, plan.nodes().get(i), addresses.get(i), ipv6.get(i),
                    Optional.ofNullable(plan.config().networking().dnsSearch()));
            containers.add(() -> context.provider().runNode(spec));
        }
        plan.loadBalancer().ifPresent(balancer -> containers.add(() -> new LoadBalancer(context.provider())
                .start(balancer, plan.network(), addresses.get(addresses.size() - 1), ipv6.get(ipv6.size() - 1))));
        context.parallel().forEach(containers, Runnable::run);
        context.progress().detail("node containers run " + context.provider().nodePrivileges().describe());
    }

    /** Pinned IPv6 addresses as IPv4's, on a network with IPv6; none on a network without. */
    private static List<Optional<String>> ipv6Addresses(NetworkInfo network, List<NodePlan> containers) {
        if (network.ipv6Subnet().isEmpty()) {
            return containers.stream().map(node -> Optional.<String>empty()).toList();
        }
        return new NodeAddresses(network.ipv6Subnet(), network.ipv6Gateway(), List.of())
                .assignAll(containers.stream().map(NodePlan::ipv6).toList()).stream().map(Optional::of).toList();
    }

    /**
     * A node's container, pinned to its addresses (see {@link NodeAddresses}), with the cluster's DNS search domains
     * ({@code networking.dnsSearch}; empty for the host's).
     */
    public static NodeSpec spec(NetworkInfo network, NodePlan node, String ip, Optional<String> ipv6,
            Optional<List<String>> dnsSearch) {
        Map<String, String> labels = new TreeMap<>(node.containerLabels());
        labels.put(Labels.SUBNET, network.subnet());
        if (ipv6.isPresent()) {
            labels.put(Labels.IPV6_SUBNET, network.ipv6Subnet());
        }
        return new NodeSpec(node.name(), node.image(), labels, network.name(), Optional.of(ip), ipv6,
                node.varVolume(), node.ports(), node.mounts(), Map.of(ROLE_VARIABLE, node.role().label()),
                List.of(), dnsSearch, node.resources());
    }
}
