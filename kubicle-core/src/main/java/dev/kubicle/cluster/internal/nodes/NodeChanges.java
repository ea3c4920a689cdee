package dev.kubicle.cluster.internal.nodes;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.cluster.NodeOptions;
import dev.kubicle.cluster.NodeRole;
import dev.kubicle.cluster.internal.Action;
import dev.kubicle.cluster.internal.Parallel;
import dev.kubicle.cluster.internal.Pipeline;
import dev.kubicle.cluster.internal.lifecycle.ConfigureContainerdAgainAction;
import dev.kubicle.cluster.internal.lifecycle.ConfigureLoadBalancerAgainAction;
import dev.kubicle.cluster.internal.lifecycle.LimitResourcesAgainAction;
import dev.kubicle.cluster.internal.lifecycle.LifecycleContext;
import dev.kubicle.cluster.internal.lifecycle.RoutePodsAction;
import dev.kubicle.cluster.internal.lifecycle.WaitForBootAction;
import dev.kubicle.cluster.internal.lifecycle.WaitForKubeletsAction;
import dev.kubicle.progress.Progress;
import dev.kubicle.provider.Provider;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Grows and shrinks a running cluster, one node at a time, each change a pipeline of steps as create is. Everything
 * is worked out and checked before anything is made, and an add that fails takes the node out again (unless
 * retained), so that a failure leaves the cluster as it was.
 */
public final class NodeChanges {
    /** As long as create gives a node to boot. */
    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(90);

    private final Provider provider;
    private final Progress progress;

    public NodeChanges(Provider provider, Progress progress) {
        this.provider = provider;
        this.progress = progress;
    }

    /** @return the new node's name */
    public String add(String cluster, NodeOptions options) {
        try (Parallel parallel = new Parallel()) {
            LifecycleContext context = LifecycleContext.of(cluster, provider, progress, parallel);
            NodeAddition addition = NodeAdditionPlanner.plan(context, options);
            progress.headline("Adding node \"" + addition.name() + "\" to cluster \"" + cluster + "\" ...");
            try {
                new Pipeline<>(additionSteps(addition, options.waitReady())).run(context);
            } catch (RuntimeException failure) {
                undo(context, addition, options.retain(), failure);
                throw failure;
            }
            return addition.name();
        }
    }

    public void remove(String cluster, String node) {
        try (Parallel parallel = new Parallel()) {
            LifecycleContext context = LifecycleContext.of(cluster, provider, progress, parallel);
            NodeRemoval removal = NodeRemovalPlanner.plan(context, node);
            progress.headline("Deleting node \"" + node + "\" from cluster \"" + cluster + "\" ...");
            List<Action<LifecycleContext>> steps = new ArrayList<>(List.of(new DrainNodeAction(removal)));
            steps.addAll(removalSteps(removal));
            new Pipeline<>(steps).run(context);
        }
    }

    /** The cluster of a node (a container, or the record of one), for a delete that names no cluster. */
    public String clusterOf(String node) {
        return NodeRemovalPlanner.clusterOf(provider, node).orElseThrow(() -> new KubicleException(
                ExitCode.INVALID_INPUT, "no node named \"" + node + "\" exists; see 'kubicle get nodes --name "
                + "CLUSTER', or name its cluster with --name"));
    }

    private static List<Action<LifecycleContext>> additionSteps(NodeAddition addition, Duration waitReady) {
        List<Action<LifecycleContext>> steps = new ArrayList<>(List.of(new RunNodeAction(addition),
                WaitForBootAction.of(addition.name(), BOOT_TIMEOUT), new WriteJoinConfigAction(addition),
                new ConfigureContainerdAgainAction(List.of(addition.name()))));
        if (!addition.node().resources().isEmpty()) {
            steps.add(new LimitResourcesAgainAction(List.of(addition.name())));
        }
        steps.add(new JoinNodeAction(addition));
        if (addition.node().role() == NodeRole.CONTROL_PLANE && addition.balanced()) {
            steps.add(new ConfigureLoadBalancerAgainAction());
        }
        if (!waitReady.isZero()) {
            steps.add(WaitForKubeletsAction.of(addition.name(), waitReady));
        }
        steps.add(new RoutePodsAction());
        return steps;
    }

    /** What takes a node out of its cluster once it no longer serves anything. */
    private static List<Action<LifecycleContext>> removalSteps(NodeRemoval removal) {
        List<Action<LifecycleContext>> steps = new ArrayList<>();
        if (removal.role() == NodeRole.CONTROL_PLANE) {
            steps.add(new LeaveEtcdAction(removal));
        }
        steps.add(new DeleteNodeObjectAction(removal));
        steps.add(new RemoveContainerAction(removal));
        if (removal.role() == NodeRole.CONTROL_PLANE && removal.balanced()) {
            steps.add(new ConfigureLoadBalancerAgainAction());
        }
        return steps;
    }

    /**
     * Takes a node whose add failed out of the cluster again: out of etcd (a control plane's join may have made it a
     * member that will never answer, and a cluster that counts it may lose its quorum), out of the API, its container
     * and volume removed. The node is not running as far as this is concerned: nothing is drained or reset. Each
     * step is tried whatever the others did: a control plane that does not answer must not keep the container.
     */
    private void undo(LifecycleContext context, NodeAddition addition, boolean retain, RuntimeException failure) {
        if (retain) {
            progress.note("Kept the node " + addition.name() + " of the failed add (--retain); remove it with "
                    + "'kubicle delete node " + addition.name() + "'");
            return;
        }
        // Clear the interrupt so the clean-up's own calls are not cut short by a Ctrl-C.
        boolean interrupted = Thread.interrupted();
        NodeRemoval removal = new NodeRemoval(addition.cluster(), addition.name(), addition.node().role(), false,
                addition.node().ip().orElseThrow(), addition.spec().varVolume(), addition.balanced());
        try {
            for (Action<LifecycleContext> step : removalSteps(removal)) {
                try {
                    new Pipeline<>(List.of(step)).run(context);
                } catch (RuntimeException cleanupFailure) {
                    failure.addSuppressed(cleanupFailure);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
