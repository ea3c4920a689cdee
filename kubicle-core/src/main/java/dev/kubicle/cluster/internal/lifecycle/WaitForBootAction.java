package dev.kubicle.cluster.internal.lifecycle;

import dev.kubicle.cluster.internal.Action;
import dev.kubicle.cluster.internal.create.WaitForNodesBootedAction;
import dev.kubicle.provider.NodeInfo;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** Waits, as create does, until every node's systemd has booted and its containerd answers. */
public final class WaitForBootAction implements Action<LifecycleContext> {
    private final Duration timeout;
    private final Predicate<String> waitsFor;
    private final String advice;

    WaitForBootAction(Duration timeout) {
        this(timeout, node -> true, "or make it again: remove its container and run 'kubicle start cluster'");
    }

    private WaitForBootAction(Duration timeout, Predicate<String> waitsFor, String advice) {
        this.timeout = timeout;
        this.waitsFor = waitsFor;
        this.advice = advice;
    }

    /** Waits for one node only, such as one just added to a running cluster whose other nodes may be stopped. */
    public static WaitForBootAction of(String node, Duration timeout) {
        return new WaitForBootAction(timeout, node::equals, "or retry with --retain to look inside");
    }

    @Override
    public String title() {
        return "Starting systemd and containerd 🐳";
    }

    @Override
    public void execute(LifecycleContext context) throws InterruptedException {
        List<NodeInfo> nodes = LifecycleContext.kubernetesNodes(context.containers()).stream()
                .filter(node -> waitsFor.test(node.name())).toList();
        context.parallel().forEach(nodes, node -> WaitForNodesBootedAction.awaitBoot(context.commands(),
                node.name(), timeout, advice));
    }
}
