package dev.kubicle.cluster.internal.lifecycle;

import dev.kubicle.cluster.internal.Action;
import dev.kubicle.cluster.internal.ClusterConfigRecord;
import dev.kubicle.cluster.internal.ContainerdPatching;
import dev.kubicle.containerd.ContainerdConfigPatches;

import java.util.List;

/**
 * Gives nodes made after create (added, or made again from their volume) the containerd patches of the cluster's
 * config, which each node's volume records: their containerd config comes fresh from the image. Nodes of a cluster
 * without patches (or made before the record) keep containerd as it is, unrestarted.
 */
public final class ConfigureContainerdAgainAction implements Action<LifecycleContext> {
    private final List<String> nodes;

    public ConfigureContainerdAgainAction(List<String> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    @Override
    public String title() {
        return "Configuring containerd 🔧";
    }

    @Override
    public void execute(LifecycleContext context) throws InterruptedException {
        context.parallel().forEach(nodes, node -> ClusterConfigRecord.read(context.commands(), node)
                .map(ContainerdConfigPatches::of).filter(patches -> !patches.isEmpty())
                .ifPresent(patches -> ContainerdPatching.apply(context.commands(), context.provider(), node,
                        patches)));
    }
}
