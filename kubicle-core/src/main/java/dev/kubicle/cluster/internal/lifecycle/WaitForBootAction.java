package dev.kubicle.cluster.internal.lifecycle;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.cluster.internal.Action;
import dev.kubicle.cluster.internal.create.WaitForNodesBootedAction;
import dev.kubicle.provider.ExecResult;
import dev.kubicle.provider.NodeInfo;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** Waits, as create does, until every node's systemd has booted and its containerd answers. */
public final class WaitForBootAction implements Action<LifecycleContext> {
    private final Duration timeout;
    private final Predicate<String> waitsFor;

    WaitForBootAction(Duration timeout) {
        this(timeout, node -> true);
    }

    private WaitForBootAction(Duration timeout, Predicate<String> waitsFor) {
        this.timeout = timeout;
        this.waitsFor = waitsFor;
    }

    /** Waits for one node only, such as one just added to a running cluster whose other nodes may be stopped. */
    public static WaitForBootAction of(String node, Duration timeout) {
        return new WaitForBootAction(timeout, node::equals);
    }

    @Override
    public String title() {
        return "Starting systemd and containerd 🐳";
    }

    @Override
    public void execute(LifecycleContext context) throws InterruptedException {
        List<NodeInfo> nodes = LifecycleContext.kubernetesNodes(context.containers()).stream()
                .filter(node -> waitsFor.test(node.name())).toList();
        context.parallel().forEach(nodes, node -> {
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
