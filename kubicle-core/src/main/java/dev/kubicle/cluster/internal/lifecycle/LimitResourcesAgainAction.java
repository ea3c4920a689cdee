package dev.kubicle.cluster.internal.lifecycle;

import dev.kubicle.cluster.internal.Action;
import dev.kubicle.cluster.internal.KubeletResources;

import java.util.List;

/**
 * Gives nodes made after create (added, or made again from their volume with the limits their volume records) what
 * lets their kubelet report their limits as capacity: a new container's file system comes fresh from the image. A
 * kubelet already started with the host's size is restarted.
 */
public final class LimitResourcesAgainAction implements Action<LifecycleContext> {
    private final List<String> nodes;

    public LimitResourcesAgainAction(List<String> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    @Override
    public String title() {
        return "Sizing nodes to their limits 📏";
    }

    @Override
    public void execute(LifecycleContext context) throws InterruptedException {
        context.parallel().forEach(nodes, node -> KubeletResources.apply(context.commands(), context.provider(), node));
    }
}
