package dev.kubicle.cli;

import dev.kubicle.cluster.CreateOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "cluster", description = "Start a stopped or partly running cluster: nodes whose containers were "
        + "removed are made again from their volumes, control planes start first, and it waits for every node to "
        + "be Ready. Run it again to finish a start that was interrupted.")
final class StartClusterCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions options;

    @Mixin
    ClusterNameOption cluster;

    @Option(names = "--wait", paramLabel = "DURATION", converter = WaitDurationConverter.class,
            description = "How long to wait for every node to be Ready, like 30s or 5m; 0 does not wait "
                    + "(default: 5m).")
    Duration wait = CreateOptions.DEFAULT_WAIT_READY;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Session session = Root.of(spec).session(options)) {
            session.clusters().start(cluster.name, wait);
            session.progress().note("Cluster \"" + cluster.name + "\" is running.");
        }
        return 0;
    }
}
