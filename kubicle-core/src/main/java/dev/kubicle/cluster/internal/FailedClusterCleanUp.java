package dev.kubicle.cluster.internal;

import dev.kubicle.kubeconfig.KubeconfigFiles;
import dev.kubicle.provider.Provider;

/**
 * Removes what a failed or interrupted operation (a create, a restore) made of a cluster: its containers, volumes
 * and network on the engine, and its entries in every kubeconfig file (a Ctrl-C just after the kubeconfig was
 * written leaves them there). What fails here is added to the operation's own failure, which is what the user sees.
 */
public final class FailedClusterCleanUp {
    private FailedClusterCleanUp() {
    }

    /** @return whether everything was removed */
    public static boolean run(Provider provider, Parallel parallel, KubeconfigFiles kubeconfigs, String cluster,
                              RuntimeException failure) {
        // Cleared meanwhile so that the clean-up's own engine calls are not cut short by a Ctrl-C.
        boolean interrupted = Thread.interrupted();
        boolean removed = true;
        try {
            new ClusterDeleter(provider, parallel).deleteSettled(cluster);
        } catch (RuntimeException | InterruptedException cleanupFailure) {
            failure.addSuppressed(cleanupFailure);
            removed = false;
        }
        try {
            kubeconfigs.removeFromAll(cluster);
        } catch (RuntimeException cleanupFailure) {
            failure.addSuppressed(cleanupFailure);
            removed = false;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return removed;
    }
}
