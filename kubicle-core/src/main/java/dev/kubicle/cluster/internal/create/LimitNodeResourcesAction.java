package dev.kubicle.cluster.internal.create;

import dev.kubicle.cluster.NodePlan;
import dev.kubicle.cluster.internal.Action;
import dev.kubicle.cluster.internal.ActionContext;
import dev.kubicle.cluster.internal.KubeletResources;

/**
 * Before kubeadm starts any kubelet: lets the kubelets of nodes with resource limits report those limits as their
 * node's capacity (the engine already holds their containers to them).
 */
public final class LimitNodeResourcesAction implements Action<ActionContext> {

    @Override
    public String title() {
        return "Sizing nodes to their limits 📏";
    }

    @Override
    public void execute(ActionContext context) throws InterruptedException {
        context.parallel().forEach(context.plan().nodes().stream().filter(node -> !node.resources().isEmpty())
                .map(NodePlan::name).toList(),
                node -> KubeletResources.apply(context.commands(), context.provider(), node));
    }
}
