package dev.kubicle.cli;

import dev.kubicle.cluster.ClusterSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "clusters", description = "List the clusters on the engine with their state (running, stopped, "
        + "partly running).")
final class GetClustersCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Session session = Root.of(spec).session(options)) {
            List<ClusterSummary> clusters = session.clusters().summaries();
            if (clusters.isEmpty()) {
                session.progress().note("No kubicle clusters found.");
                return 0;
            }
            Table table = new Table("NAME", "STATUS");
            clusters.forEach(cluster -> table.row(cluster.name(), cluster.state().label()));
            table.print(session.out());
        }
        return 0;
    }
}
