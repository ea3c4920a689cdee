package dev.kubicle.cluster;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.cluster.internal.Parallel;
import dev.kubicle.cluster.internal.ops.ArchiveImage;
import dev.kubicle.cluster.internal.ops.ArchiveNames;
import dev.kubicle.cluster.internal.ops.ContainerdNames;
import dev.kubicle.cluster.internal.ops.ImageArchives;
import dev.kubicle.cluster.internal.ops.NodeImages;
import dev.kubicle.cluster.internal.ops.NodeSelection;
import dev.kubicle.cluster.internal.ops.Steps;
import dev.kubicle.progress.Progress;
import dev.kubicle.provider.NodeInfo;
import dev.kubicle.provider.Provider;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Puts images from the engine, or from an image archive, into the containerd of a cluster's nodes, so that pods can
 * use images no registry serves. Nodes that already hold an image under the same name and content are skipped.
 * Archives are streamed to each node from one file on disk, never held in memory.
 */
public final class ImageLoader {
    private final Provider provider;
    private final Progress progress;
    private final NodeImages nodeImages;

    public ImageLoader(Provider provider, Progress progress) {
        this.provider = Objects.requireNonNull(provider);
        this.progress = Objects.requireNonNull(progress);
        this.nodeImages = new NodeImages(provider, progress);
    }

    /**
     * @param images    references of images on the engine
     * @param nodeNames the nodes to load into; empty for every Kubernetes node of the cluster
     */
    public LoadReport loadEngineImages(String cluster, List<String> images, List<String> nodeNames) {
        List<ArchiveImage> wanted = identify(images);
        List<NodeInfo> nodes = NodeSelection.kubernetesNodes(provider, cluster, nodeNames);
        progress.headline("Loading " + String.join(", ", images) + " into cluster \"" + cluster + "\" ...");
        List<NodeInfo> needing = nodesLacking(nodes, wanted);
        if (needing.isEmpty()) {
            return report(nodes, needing);
        }
        Path archive = Steps.run(progress, "Saving " + count(images.size(), "image") + " from "
                + provider.name(), () -> save(images));
        try {
            importInto(needing, archive, ArchiveNames.renamed(wanted, ImageArchives.namedImages(archive)));
        } finally {
            deleteQuietly(archive);
        }
        return report(nodes, needing);
    }

    /** @param nodeNames the nodes to load into; empty for every Kubernetes node of the cluster */
    public LoadReport loadImageArchive(String cluster, Path archive, List<String> nodeNames) {
        List<ArchiveImage> wanted = ImageArchives.namedImages(archive);
        List<NodeInfo> nodes = NodeSelection.kubernetesNodes(provider, cluster, nodeNames);
        progress.headline("Loading " + archive.getFileName() + " into cluster \"" + cluster + "\" ...");
        List<NodeInfo> needing = nodesLacking(nodes, wanted);
        if (!needing.isEmpty()) {
            importInto(needing, archive, Map.of());
        }
        return report(nodes, needing);
    }

    private List<ArchiveImage> identify(List<String> images) {
        List<ArchiveImage> wanted = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String image : images) {
            provider.imageId(image).ifPresentOrElse(
                    id -> wanted.add(new ArchiveImage(ContainerdNames.of(image), id)),
                    () -> missing.add(image));
        }
        if (!missing.isEmpty()) {
            throw new KubicleException(ExitCode.INVALID_INPUT, (missing.size() == 1 ? "image " : "images ")
                    + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are") + " not on the "
                    + provider.name() + " engine; build or pull it there first, or load a saved archive with "
                    + "'kubicle load image-archive'");
        }
        return wanted;
    }

    private List<NodeInfo> nodesLacking(List<NodeInfo> nodes, List<ArchiveImage> wanted) {
        Set<String> lacking = ConcurrentHashMap.newKeySet();
        Steps.run(progress, "Checking " + count(nodes.size(), "node") + " for the images", () -> {
            try (Parallel parallel = new Parallel()) {
                parallel.forEach(nodes, node -> {
                    if (!nodeImages.hasAll(node.name(), wanted)) {
                        lacking.add(node.name());
                    }
                });
            }
            return null;
        });
        return nodes.stream().filter(node -> lacking.contains(node.name())).toList();
    }

    /** @param renamed the archive's names of images, mapped to the names they were asked by ({@link ArchiveNames}) */
    private void importInto(List<NodeInfo> nodes, Path archive, Map<String, String> renamed) {
        Steps.run(progress, "Importing into " + count(nodes.size(), "node"), () -> {
            try (Parallel parallel = new Parallel()) {
                parallel.forEach(nodes, node -> {
                    try {
                        nodeImages.importArchive(node.name(), archive);
                    } catch (IOException e) {
                        throw new KubicleException(ExitCode.UNEXPECTED_STATE,
                                "cannot read " + archive + " for node " + node.name() + ": " + e.getMessage(), e);
                    }
                    renamed.forEach((saved, asked) -> nodeImages.tag(node.name(), saved, asked));
                });
            }
            return null;
        });
    }

    private Path save(List<String> images) throws IOException {
        Path archive = Files.createTempFile("kubicle-images-", ".tar");
        try (InputStream saved = provider.saveImages(images)) {
            Files.copy(saved, archive, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(archive);
            throw e;
        }
        return archive;
    }

    private static LoadReport report(List<NodeInfo> nodes, List<NodeInfo> loaded) {
        List<String> loadedNames = loaded.stream().map(NodeInfo::name).toList();
        List<String> skipped = nodes.stream().map(NodeInfo::name).filter(name -> !loadedNames.contains(name))
                .toList();
        return new LoadReport(Collections.unmodifiableList(loadedNames), skipped);
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A temporary file left behind is harmless; the load's outcome matters more.
        }
    }
}
