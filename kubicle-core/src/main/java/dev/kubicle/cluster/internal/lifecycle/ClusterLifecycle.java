package dev.kubicle.cluster.internal.lifecycle;

import dev.kubicle.cluster.Labels;
import dev.kubicle.cluster.NodeRole;
import dev.kubicle.cluster.internal.Action;
import dev.kubicle.cluster.internal.AtOnceAction;
import dev.kubicle.cluster.internal.Parallel;
import dev.kubicle.cluster.internal.Pipeline;
import dev.kubicle.progress.Progress;
import dev.kubicle.provider.NodeSpec;
import dev.kubicle.provider.Provider;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Stops and starts existing clusters, each as a pipeline of steps that are safe to run again: a second start after
 * an interrupted one (or a failed one) finishes the work.
 */
public final class ClusterLifecycle {
    private final Provider provider;
    private final Progress progress;

    public ClusterLifecycle(Provider provider, Progress progress) {
        this.provider = provider;
        this.progress = progress;
    }

    public void stop(String cluster) {
        context(cluster, null).requireExists();
        progress.headline("Stopping cluster \"" + cluster + "\" ...");
        run(cluster, List.of(new StopKubeletsAction(), new StopContainersAction()));
    }

    /** @param waitReady how long to wait for every node to be Ready; zero does not wait */
    public void start(String cluster, Duration waitReady) {
        context(cluster, null).requireExists();
        progress.headline("Starting cluster \"" + cluster + "\" ...");
        run(cluster, startActions(cluster, waitReady));
    }

    /**
     * The steps that start the cluster as the engine holds it now: they make again the nodes whose containers are
     * gone (all of them, for a cluster restored from a snapshot), so they are planned only once those are gone.
     */
    public List<Action<LifecycleContext>> startActions(String cluster, Duration waitReady) {
        List<Action<LifecycleContext>> actions = new ArrayList<>();
        List<NodeSpec> missing = RestoreNodesAction.missing(context(cluster, null));
        if (!missing.isEmpty()) {
            actions.add(new RestoreNodesAction());
        }
        actions.add(new StartContainersAction());
        actions.add(new WaitForBootAction(Duration.ofMinutes(2)));
        List<String> remade = missing.stream()
                .filter(spec -> !NodeRole.LOAD_BALANCER.label().equals(spec.labels().get(Labels.ROLE)))
                .map(NodeSpec::name).toList();
        if (!remade.isEmpty()) {
            actions.add(new ConfigureContainerdAgainAction(remade));
        }
        List<String> limited = missing.stream().filter(spec -> remade.contains(spec.name())
                && !spec.resources().isEmpty()).map(NodeSpec::name).toList();
        if (!limited.isEmpty()) {
            actions.add(new LimitResourcesAgainAction(limited));
        }
        boolean balanced = provider.recordedNodes(Labels.ofCluster(cluster)).stream()
                .anyMatch(spec -> NodeRole.LOAD_BALANCER.label().equals(spec.labels().get(Labels.ROLE)));
        if (balanced) {
            actions.add(new ConfigureLoadBalancerAgainAction());
        }
        if (!waitReady.isZero()) {
            Deadline deadline = new Deadline(waitReady);
            actions.add(new WaitForApiServerAction(deadline));
            actions.add(new AtOnceAction<>(List.of(new RoutePodsAction(), new WaitForKubeletsAction(deadline))));
        }
        return actions;
    }

    private void run(String cluster, List<Action<LifecycleContext>> actions) {
        try (Parallel parallel = new Parallel()) {
            new Pipeline<>(actions).run(context(cluster, parallel));
        }
    }

    private LifecycleContext context(String cluster, Parallel parallel) {
        return LifecycleContext.of(cluster, provider, progress, parallel);
    }
}
