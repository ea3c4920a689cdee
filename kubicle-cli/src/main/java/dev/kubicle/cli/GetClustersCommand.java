package dev.kubicle.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "clusters", description = "List the clusters on the engine.")
final class GetClustersCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Session session = Root.of(spec).session(options)) {
            List<String> clusters = session.clusters().list();
            if (clusters.isEmpty()) {
                session.progress().note("No kubicle clusters found.");
            }
            clusters.forEach(session.out()::println);
        }
        return 0;
    }
}
