package dev.kubicle.cluster.internal.nodes;

import dev.kubicle.cluster.Labels;
import dev.kubicle.cluster.internal.Action;
import dev.kubicle.cluster.internal.ClusterDeleter;
import dev.kubicle.cluster.internal.lifecycle.LifecycleContext;

/**
 * Removes the node's container, as a cluster's delete does, then its /var volume, and with the volume the node's
 * record, so that a start does not make it again.
 */
final class RemoveContainerAction implements Action<LifecycleContext> {
    private final NodeRemoval removal;

    RemoveContainerAction(NodeRemoval removal) {
        this.removal = removal;
    }

    @Override
    public String title() {
        return "Removing the node's container 🗑️";
    }

    @Override
    public void execute(LifecycleContext context) {
        // Only a container and a volume of this cluster: a name alone could be anybody's.
        boolean ours = context.provider().inspectNode(removal.name())
                .filter(node -> removal.cluster().equals(node.labels().get(Labels.CLUSTER))).isPresent();
        if (ours) {
            new ClusterDeleter(context.provider(), context.parallel()).deleteNode(removal.name());
        }
        if (context.provider().volumes(Labels.ofCluster(removal.cluster())).contains(removal.volume())) {
            context.provider().deleteVolume(removal.volume());
        }
    }
}
