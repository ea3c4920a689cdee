package dev.kubicle.cluster.internal.lifecycle;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.cluster.internal.Action;
import dev.kubicle.cluster.internal.create.WaitForNodesBootedAction;
import dev.kubicle.provider.ExecResult;

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
        context.parallel().forEach(LifecycleContext.kubernetesNodes(context.containers()), node -> {
            ExecResult result = context.commands().attempt(node.name(), "sh", "-c",
                    WaitForNodesBootedAction.bootCheckScript(timeout));
            if (!result.ok()) {
                throw new KubicleException(ExitCode.UNEXPECTED_STATE, "node " + node.name() + " did not finish "
                        + "booting within " + timeout.toSeconds() + "s; see 'docker logs " + node.name() + "'",
                        (result.stdout() + result.stderr()).strip(), null);
            }
        });
    }
}
