package dev.kubicle.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "cluster", description = "Delete a cluster: its nodes, their volumes and its network.")
final class DeleteClusterCommand implements Callable<Integer> {
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
            if (!session.clusters(kubeconfig.files()).delete(cluster.name)) {
                session.progress().note("No cluster named \"" + cluster.name + "\" was found; nothing to delete.");
            }
        }
        return 0;
    }
}
