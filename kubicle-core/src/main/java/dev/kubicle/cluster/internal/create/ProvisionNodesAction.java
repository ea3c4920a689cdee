package dev.kubicle.cluster.internal.create;

import dev.kubicle.cluster.Labels;
import dev.kubicle.cluster.NodePlan;
import dev.kubicle.cluster.internal.Action;
import dev.kubicle.cluster.internal.ActionContext;
import dev.kubicle.provider.NetworkSpec;
import dev.kubicle.provider.NodeSpec;

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
        context.parallel().forEach(plan.nodes(), node -> context.provider().runNode(spec(plan.network(), node)));
        context.progress().detail("node containers run in " + context.provider().privilegeMode() + " mode");
    }

    static NodeSpec spec(String network, NodePlan node) {
        return new NodeSpec(node.name(), node.image(), node.containerLabels(), network, node.ip(),
                node.varVolume(), node.ports(), node.mounts(), Map.of());
    }
}
