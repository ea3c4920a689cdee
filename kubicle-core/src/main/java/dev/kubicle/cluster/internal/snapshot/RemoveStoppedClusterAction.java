package dev.kubicle.cluster.internal.snapshot;

import dev.kubicle.cluster.internal.Action;
import dev.kubicle.cluster.internal.ClusterDeleter;
import dev.kubicle.cluster.internal.lifecycle.LifecycleContext;

/**
 * Removes what is left of the stopped cluster that the snapshot replaces: its containers, volumes and network. Its
 * kubeconfig entries stay; the restored cluster's certificates and port are the ones they name.
 */
final class RemoveStoppedClusterAction implements Action<LifecycleContext> {

    @Override
    public String title() {
        return "Removing the stopped cluster's nodes and volumes 🧹";
    }

    @Override
    public void execute(LifecycleContext context) throws InterruptedException {
        new ClusterDeleter(context.provider(), context.parallel()).delete(context.cluster());
    }
}
