package dev.kubicle.cli;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.cluster.Clusters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "clusters", description = "Delete the named clusters, or all of them with --all.")
final class DeleteClustersCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions options;

    @Option(names = {"-A", "--all"}, description = "Delete every kubicle cluster on the engine.")
    boolean all;

    @Mixin
    KubeconfigOption kubeconfig;

    @Parameters(arity = "0..*", paramLabel = "NAME", description = "Clusters to delete.")
    List<String> names = List.of();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (all == !names.isEmpty()) {
            throw new KubicleException(ExitCode.INVALID_INPUT,
                    "name the clusters to delete or give --all, not both and not neither");
        }
        try (Session session = Root.of(spec).session(options)) {
            Clusters clusters = session.clusters(kubeconfig.files());
            List<String> targets = all ? clusters.list() : names;
            for (String name : targets) {
                clusters.delete(name);
            }
            session.progress().note("Deleted clusters: " + targets);
        }
        return 0;
    }
}
