package dev.kubicle.cluster.internal;

import dev.kubicle.cluster.ClusterPlan;
import dev.kubicle.progress.Progress;
import dev.kubicle.provider.Provider;

/** What every action of a create shares: the plan, the engine, the progress and the way to run in nodes. */
public record ActionContext(ClusterPlan plan, Provider provider, Progress progress, NodeCommands commands,
                            Parallel parallel) implements OperationContext {

    public static ActionContext of(ClusterPlan plan, Provider provider, Progress progress, Parallel parallel) {
        return new ActionContext(plan, provider, progress, new NodeCommands(provider, progress), parallel);
    }
}
