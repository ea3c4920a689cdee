package dev.kubicle.cli;

import dev.kubicle.cluster.ImageLoader;
import dev.kubicle.cluster.LoadReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;

@Command(name = "docker-image", description = "Load images from the Docker engine into the nodes' containerd; "
        + "nodes that already have an image with the same ID are skipped.")
final class LoadDockerImageCommand extends ImageLoadCommand {
    @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "Images on the engine, e.g. my-app:dev.")
    List<String> images;

    @Override
    LoadReport load(ImageLoader loader, String cluster, List<String> nodes) {
        return loader.loadEngineImages(cluster, images, nodes);
    }
}
