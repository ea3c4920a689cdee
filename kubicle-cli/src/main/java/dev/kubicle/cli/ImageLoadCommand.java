package dev.kubicle.cli;

import dev.kubicle.cluster.ImageLoader;
import dev.kubicle.cluster.LoadReport;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** What both {@code load} subcommands share: the cluster and nodes to load into, and how the result is shown. */
abstract class ImageLoadCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions options;

    @Mixin
    ClusterNameOption cluster;

    @Mixin
    NodesOption nodes;

    @Spec
    CommandSpec spec;

    /** Loads this command's images into the named cluster's nodes (all of them when {@code nodes} is empty). */
    abstract LoadReport load(ImageLoader loader, String cluster, List<String> nodes);

    @Override
    public Integer call() {
        try (Session session = Root.of(spec).session(options)) {
            LoadReport report = load(new ImageLoader(session.provider(), session.progress()), cluster.name,
                    nodes.names);
            LoadReportPrinter.print(report, session.out());
        }
        return 0;
    }
}
