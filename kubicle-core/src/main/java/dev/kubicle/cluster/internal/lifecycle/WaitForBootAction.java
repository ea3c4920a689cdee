package dev.kubicle.cluster.internal.lifecycle;

import dev.kubicle.cluster.internal.Action;
import dev.kubicle.cluster.internal.create.WaitForNodesBootedAction;

import java.time.Duration;

/** Waits, as create does, until every node's systemd has booted and its containerd answers. */
final class WaitForBootAction implements Action<LifecycleContext> {
    private final Duration timeout;

    WaitForBootAction(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public String title() {
        return "Starting systemd and containerd 🐳";
    }

    @Override
    public void execute(LifecycleContext context) throws InterruptedException {
        context.parallel().forEach(LifecycleContext.kubernetesNodes(context.containers()), node ->
                WaitForNodesBootedAction.awaitBoot(context.commands(), node.name(), timeout,
                        "or make it again: remove its container and run 'kubicle start cluster'"));
    }
}
