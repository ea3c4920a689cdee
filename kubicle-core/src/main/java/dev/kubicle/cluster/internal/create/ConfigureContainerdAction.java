package dev.kubicle.cluster.internal.create;

import dev.kubicle.cluster.internal.Action;
import dev.kubicle.cluster.internal.ActionContext;
import dev.kubicle.cluster.internal.ContainerdPatching;
import dev.kubicle.config.Cluster;
import dev.kubicle.containerd.ContainerdConfigPatches;

/**
 * Applies the cluster config's containerd patches in every Kubernetes node and restarts containerd, before kubeadm
 * starts anything that the restart would disturb. The patches are parsed when the action is made, so that a bad
 * patch fails the create before any container exists.
 */
public final class ConfigureContainerdAction implements Action<ActionContext> {
    private final ContainerdConfigPatches patches;

    public ConfigureContainerdAction(Cluster config) {
        this.patches = ContainerdConfigPatches.of(config);
    }

    /** Whether the config has any containerd patch; without one containerd is left as it is, unrestarted. */
    public boolean hasWork() {
        return !patches.isEmpty();
    }

    @Override
    public String title() {
        return "Configuring containerd 🔧";
    }

    @Override
    public void execute(ActionContext context) throws InterruptedException {
        context.parallel().forEach(context.plan().nodes(),
                node -> ContainerdPatching.apply(context.commands(), context.provider(), node.name(), patches));
    }
}
