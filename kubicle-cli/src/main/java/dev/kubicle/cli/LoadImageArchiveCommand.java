package dev.kubicle.cli;

import dev.kubicle.cluster.ImageLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "image-archive", description = "Load an image archive (a tar from 'docker save') into the nodes' "
        + "containerd; nodes that already have its images are skipped.")
final class LoadImageArchiveCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions options;

    @Mixin
    ClusterNameOption cluster;

    @Mixin
    NodesOption nodes;

    @Parameters(index = "0", paramLabel = "FILE", description = "The image archive.")
    Path archive;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Session session = Root.of(spec).session(options)) {
            var report = new ImageLoader(session.provider(), session.progress())
                    .loadImageArchive(cluster.name, archive, nodes.names);
            LoadReportPrinter.print(report, session.out());
        }
        return 0;
    }
}
