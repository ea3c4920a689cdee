package dev.kubicle.cli;

import dev.kubicle.kubeconfig.Kubeconfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "kubeconfig", description = "Write a cluster's kubeconfig where kubectl looks ($KUBECONFIG or "
        + "~/.kube/config) and make its context current.")
final class ExportKubeconfigCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions options;

    @Mixin
    ClusterNameOption cluster;

    @Mixin
    KubeconfigOption kubeconfig;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Session session = Root.of(spec).session(options)) {
            Path file = session.clusters(kubeconfig.files()).exportKubeconfig(cluster.name);
            session.progress().note("Set kubectl context to \"" + Kubeconfig.contextNameFor(cluster.name)
                    + "\" in " + file);
        }
        return 0;
    }
}
