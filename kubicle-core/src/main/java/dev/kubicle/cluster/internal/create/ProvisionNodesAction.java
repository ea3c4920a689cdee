package dev.kubicle.cluster.internal.create;

import dev.kubicle.cluster.Labels;
import dev.kubicle.cluster.NodePlan;
import dev.kubicle.cluster.internal.Action;
import dev.kubicle.cluster.internal.ActionContext;
import dev.kubicle.cluster.internal.loadbalancer.LoadBalancer;
import dev.kubicle.provider.NetworkSpec;
import dev.kubicle.provider.NodeSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Creates the cluster's network, then starts every node container, and the load balancer if any, at once. */
public final class ProvisionNodesAction implements Action {
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
            context.provider().createNetwork(new NetworkSpec(plan.network(), plan.subnet(),
                    Labels.ofCluster(plan.name())));
        }
        List<Runnable> containers = new ArrayList<>();
        for (NodePlan node : plan.nodes()) {
            containers.add(() -> context.provider().runNode(spec(plan.network(), node)));
        }
        plan.loadBalancer().ifPresent(balancer -> containers.add(() ->
                new LoadBalancer(context.provider()).start(balancer, plan.network())));
        context.parallel().forEach(containers, Runnable::run);
        context.progress().detail("node containers run " + context.provider().nodePrivileges().describe());
    }

    static NodeSpec spec(String network, NodePlan node) {
        return new NodeSpec(node.name(), node.image(), node.containerLabels(), network, node.ip(),
                node.varVolume(), node.ports(), node.mounts(), Map.of(ROLE_VARIABLE, node.role().label()));
    }
}
