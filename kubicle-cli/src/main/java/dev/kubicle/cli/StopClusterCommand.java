package dev.kubicle.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "cluster", description = "Stop a cluster gracefully: kubelets first, then workers, the load "
        + "balancer and the control planes. It keeps its addresses, volumes and data, and stays stopped across "
        + "engine restarts until 'kubicle start cluster'.")
final class StopClusterCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions options;

    @Mixin
    ClusterNameOption cluster;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Session session = Root.of(spec).session(options)) {
            session.clusters().stop(cluster.name);
            session.progress().note("Cluster \"" + cluster.name + "\" is stopped; start it again with "
                    + "'kubicle start cluster --name " + cluster.name + "'.");
        }
        return 0;
    }
}
