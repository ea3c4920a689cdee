package dev.kubicle.cluster.internal.nodes;

import dev.kubicle.cluster.internal.Action;
import dev.kubicle.cluster.internal.kubeadm.Kubectl;
import dev.kubicle.cluster.internal.lifecycle.ControlPlanes;
import dev.kubicle.cluster.internal.lifecycle.LifecycleContext;

/**
 * Deletes the node's Node object, which would otherwise stay NotReady for ever; its pods that are left (DaemonSet
 * pods) are then removed by the garbage collector.
 */
final class DeleteNodeObjectAction implements Action<LifecycleContext> {
    private final NodeRemoval removal;

    DeleteNodeObjectAction(NodeRemoval removal) {
        this.removal = removal;
    }

    @Override
    public String title() {
        return "Deleting the Node object 🧾";
    }

    @Override
    public void execute(LifecycleContext context) {
        context.commands().run(ControlPlanes.anyRunningExcept(context, removal.name()),
                Kubectl.command("delete", "node", removal.name(), "--ignore-not-found"));
    }
}
