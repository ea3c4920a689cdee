package dev.kubicle.cluster.internal.create;

import dev.kubicle.cluster.Labels;
import dev.kubicle.cluster.NodePlan;
import dev.kubicle.cluster.internal.Action;
import dev.kubicle.cluster.internal.ActionContext;
import dev.kubicle.cluster.internal.loadbalancer.HaproxyConfig;
import dev.kubicle.provider.NetworkSpec;
import dev.kubicle.provider.NodeSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Creates the cluster's network, then starts every node container at once. */
public final class ProvisionNodesAction implements Action {
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
            context.provider().createNetwork(new NetworkSpec(plan.network(), plan.subnet(),
                    Labels.ofCluster(plan.name())));
        }
        List<NodeSpec> specs = new ArrayList<>(plan.nodes().stream().map(node -> spec(plan.network(), node)).toList());
        plan.loadBalancer().ifPresent(balancer -> specs.add(loadBalancerSpec(plan.network(), balancer)));
        context.parallel().forEach(specs, context.provider()::runNode);
        context.progress().detail("node containers run in " + context.provider().privilegeMode() + " mode");
    }

    /** No /var volume: the load balancer keeps no state beyond its config, which kubicle writes again. */
    static NodeSpec loadBalancerSpec(String network, NodePlan balancer) {
        return new NodeSpec(balancer.name(), balancer.image(), balancer.containerLabels(), network, balancer.ip(), "",
                balancer.ports(), List.of(), Map.of(), HaproxyConfig.entrypoint());
    }

    static NodeSpec spec(String network, NodePlan node) {
        return new NodeSpec(node.name(), node.image(), node.containerLabels(), network, node.ip(),
                node.varVolume(), node.ports(), node.mounts(), Map.of());
    }
}
