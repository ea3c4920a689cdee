package dev.kubicle.cluster.internal;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.cluster.ClusterPlan;
import dev.kubicle.kubeconfig.KubeconfigFiles;
import dev.kubicle.progress.Progress;
import dev.kubicle.provider.Provider;

/**
 * Runs a create pipeline and, when it fails or is interrupted, deletes whatever it made unless asked to retain it:
 * the nodes, volumes and network, and the cluster's kubeconfig entries.
 */
public final class ClusterCreator {
    private final Provider provider;
    private final Progress progress;
    private final KubeconfigFiles kubeconfigs;

    public ClusterCreator(Provider provider, Progress progress, KubeconfigFiles kubeconfigs) {
        this.provider = provider;
        this.progress = progress;
        this.kubeconfigs = kubeconfigs;
    }

    public void create(ClusterPlan plan, Pipeline<ActionContext> pipeline, boolean retain) {
        claim(plan);
        progress.headline("Creating cluster \"" + plan.name() + "\" ...");
        ApiServerExposure.warning(plan.config().networking()).ifPresent(progress::warning);
        try (Parallel parallel = new Parallel()) {
            try {
                pipeline.run(ActionContext.of(plan, provider, progress, parallel));
            } catch (RuntimeException failure) {
                cleanUp(plan.name(), retain, parallel, failure);
                throw failure;
            }
        }
    }

    /** Nothing of a cluster that someone else owns is touched, not even when this create fails: see the claim. */
    private void claim(ClusterPlan plan) {
        try {
            ClusterNameClaim.claim(provider, plan);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KubicleException(ExitCode.INTERRUPTED, "interrupted while claiming the name of cluster \""
                    + plan.name() + "\"");
        }
    }

    private void cleanUp(String name, boolean retain, Parallel parallel, RuntimeException failure) {
        if (retain) {
            progress.note("Kept the nodes of the failed cluster \"" + name + "\" (--retain); remove them with "
                    + "'kubicle delete cluster --name " + name + "'");
            return;
        }
        FailedClusterCleanUp.run(provider, parallel, kubeconfigs, name, failure);
    }
}
