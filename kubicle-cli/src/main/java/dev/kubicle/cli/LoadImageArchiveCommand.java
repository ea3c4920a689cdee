package dev.kubicle.cli;

import dev.kubicle.cluster.ImageLoader;
import dev.kubicle.cluster.LoadReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;

@Command(name = "image-archive", description = "Load an image archive (a tar from 'docker save') into the nodes' "
        + "containerd; nodes that already have its images are skipped.")
final class LoadImageArchiveCommand extends ImageLoadCommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "The image archive.")
    Path archive;

    @Override
    LoadReport load(ImageLoader loader, String cluster, List<String> nodes) {
        return loader.loadImageArchive(cluster, archive, nodes);
    }
}
