package dev.kubicle.cli;

import dev.kubicle.cluster.ImageLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "docker-image", description = "Load images from the Docker engine into the nodes' containerd; "
        + "nodes that already have an image with the same ID are skipped.")
final class LoadDockerImageCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions options;

    @Mixin
    ClusterNameOption cluster;

    @Mixin
    NodesOption nodes;

    @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "Images on the engine, e.g. my-app:dev.")
    List<String> images;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Session session = Root.of(spec).session(options)) {
            var report = new ImageLoader(session.provider(), session.progress())
                    .loadEngineImages(cluster.name, images, nodes.names);
            LoadReportPrinter.print(report, session.out());
        }
        return 0;
    }
}
