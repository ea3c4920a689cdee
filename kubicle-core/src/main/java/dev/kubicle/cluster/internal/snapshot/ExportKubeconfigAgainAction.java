package dev.kubicle.cluster.internal.snapshot;

import dev.kubicle.cluster.ClusterKubeconfigs;
import dev.kubicle.cluster.internal.Action;
import dev.kubicle.cluster.internal.lifecycle.LifecycleContext;
import dev.kubicle.kubeconfig.KubeconfigFiles;

/**
 * Writes the restored cluster's kubeconfig where kubectl looks: the cluster may have been deleted since the save,
 * and with it its entries.
 */
final class ExportKubeconfigAgainAction implements Action<LifecycleContext> {
    private final KubeconfigFiles files;

    ExportKubeconfigAgainAction(KubeconfigFiles files) {
        this.files = files;
    }

    @Override
    public String title() {
        return "Exporting kubeconfig 🔑";
    }

    @Override
    public void execute(LifecycleContext context) {
        context.progress().detail("written to " + new ClusterKubeconfigs(context.provider()).export(context.cluster(),
                files));
    }
}
