package dev.kubicle.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "cluster", description = "Start a stopped or partly running cluster: nodes whose containers were "
        + "removed are made again from their volumes, control planes start first, and it waits for every node to "
        + "be Ready. Run it again to finish a start that was interrupted.")
final class StartClusterCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions options;

    @Mixin
    ClusterNameOption cluster;

    @Mixin
    WaitOption wait;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Session session = Root.of(spec).session(options)) {
            session.clusters().start(cluster.name, wait.duration);
            session.progress().note("Cluster \"" + cluster.name + "\" is running.");
        }
        return 0;
    }
}
