package dev.kubicle.cluster.internal.create;

import dev.kubicle.cluster.ClusterKubeconfigs;
import dev.kubicle.cluster.internal.Action;
import dev.kubicle.cluster.internal.ActionContext;
import dev.kubicle.kubeconfig.Kubeconfig;
import dev.kubicle.kubeconfig.KubeconfigFiles;

import java.nio.file.Path;

/** Merges the new cluster's kubeconfig into the user's, with the cluster's context made current. */
public final class ExportKubeconfigAction implements Action<ActionContext> {
    private final KubeconfigFiles files;

    public ExportKubeconfigAction(KubeconfigFiles files) {
        this.files = files;
    }

    @Override
    public String title() {
        return "Exporting kubeconfig 🔑";
    }

    @Override
    public void execute(ActionContext context) {
        Path written = new ClusterKubeconfigs(context.provider()).export(context.plan().name(), files);
        context.progress().detail("context " + Kubeconfig.contextNameFor(context.plan().name()) + " written to "
                + written);
    }
}
