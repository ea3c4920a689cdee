package dev.kubicle.cluster;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.cluster.internal.Parallel;
import dev.kubicle.cluster.internal.ops.ArchiveImage;
import dev.kubicle.cluster.internal.ops.ContainerdNames;
import dev.kubicle.cluster.internal.ops.DockerArchive;
import dev.kubicle.cluster.internal.ops.ImageArchives;
import dev.kubicle.cluster.internal.ops.NodeImages;
import dev.kubicle.cluster.internal.ops.NodeSelection;
import dev.kubicle.cluster.internal.ops.StagedImages;
import dev.kubicle.cluster.internal.ops.StoredImageArchive;
import dev.kubicle.cluster.internal.ops.Steps;
import dev.kubicle.internal.OciDigests;
import dev.kubicle.progress.Progress;
import dev.kubicle.provider.NodeInfo;
import dev.kubicle.provider.Provider;
import dev.kubicle.provider.StoredImage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Puts images from the engine, or from an image archive, into the containerd of a cluster's nodes, so that pods can
 * use images no registry serves. Nodes that already hold an image under the same name and content are skipped. Of
 * the images' layers, only those that some other node lacks are read, from Docker's own storage or from their place
 * in the archive file ({@link StoredImageArchive}); where neither can be read, the engine's {@code docker save} is
 * streamed whole. Either way the layers go into all those nodes at the same time, never held in memory or written to
 * a temporary file, and each node's containerd takes only the layers it lacks, without reading them again
 * ({@link StagedImages}).
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
        StagedImages staged = new StagedImages(provider, progress);
        Optional<List<StoredImage>> stored = provider.storedImages(images);
        if (stored.isPresent()) {
            loadLayers(needing, staged, StoredImageArchive.of(stored.get()), "the " + provider.name()
                    + " engine's storage", wanted);
        } else {
            loadSaved(needing, staged, images, wanted);
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
            Optional<StoredImageArchive> layers = ImageArchives.layers(archive);
            if (layers.isPresent()) {
                loadLayers(needing, new StagedImages(provider, progress), layers.get(),
                        archive.getFileName().toString(), List.of());
            } else {
                importWhole(needing, archive);
            }
        }
        return report(nodes, needing);
    }

    /**
     * Streams the engine's save of the images into the nodes, then imports them in each node.
     *
     * @param wanted the images as asked for, whose names they also get (Podman saves {@code app:1} as
     *               {@code localhost/app:1}, which no pod asking for {@code app:1} would find)
     */
    private void loadSaved(List<NodeInfo> nodes, StagedImages staged, List<String> images,
                           List<ArchiveImage> wanted) {
        List<String> names = nodes.stream().map(NodeInfo::name).toList();
        try {
            Optional<DockerArchive> archive = Steps.run(progress, "Streaming " + count(images.size(), "image")
                    + " from " + provider.name() + " into " + count(nodes.size(), "node"),
                    () -> staged.stage(names, () -> provider.saveImages(images)));
            if (archive.isEmpty()) {
                throw new KubicleException(ExitCode.UNEXPECTED_STATE, "the " + provider.name() + " engine saved "
                        + String.join(", ", images) + " without manifest.json, so kubicle cannot tell their "
                        + "layers; save them with 'docker save' and load the file with 'kubicle load image-archive'");
            }
            importStaged(names, staged, archive.get(), wanted);
        } catch (RuntimeException e) {
            cleanUp(names, staged);
            throw e;
        }
    }

    /**
     * Sends the nodes only the layers that one of them lacks, each read once from where it is, then imports the
     * images in each node.
     *
     * @param from where the layers are read, as the step says it
     */
    private void loadLayers(List<NodeInfo> nodes, StagedImages staged, StoredImageArchive images, String from,
                            List<ArchiveImage> wanted) {
        List<String> names = nodes.stream().map(NodeInfo::name).toList();
        try {
            Set<StoredImage.Layer> lacking = Collections.synchronizedSet(new LinkedHashSet<>());
            Steps.run(progress, "Finding which of the images' " + count(images.layerCount(), "layer") + " "
                    + count(nodes.size(), "node") + " lack", () -> {
                try (Parallel parallel = new Parallel()) {
                    parallel.forEach(names, node -> lacking.addAll(images.lacking(staged.contentOf(node))));
                }
                return null;
            });
            if (!lacking.isEmpty()) {
                long bytes = lacking.stream().mapToLong(StoredImage.Layer::size).sum();
                Steps.run(progress, "Sending " + count(lacking.size(), "layer") + " (" + megabytes(bytes)
                        + ") from " + from + " into " + count(nodes.size(), "node"),
                        () -> staged.stage(names, sinks -> {
                            images.write(lacking, sinks);
                            return null;
                        }));
            }
            importStaged(names, staged, images.archive(), wanted);
        } catch (RuntimeException e) {
            cleanUp(names, staged);
            throw e;
        }
    }

    private void importStaged(List<String> nodes, StagedImages staged, DockerArchive archive,
                              List<ArchiveImage> wanted) {
        List<List<String>> imageNames = archive.images().stream().map(image -> namesOf(image, wanted)).toList();
        Steps.run(progress, "Importing into " + count(nodes.size(), "node"), () -> {
            try (Parallel parallel = new Parallel()) {
                parallel.forEach(nodes, node -> staged.importInto(node, archive, imageNames));
            }
            return null;
        });
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    private static List<String> namesOf(DockerArchive.Image image, List<ArchiveImage> wanted) {
        Set<String> names = new LinkedHashSet<>(image.names());
        String id = OciDigests.of(image.config());
        wanted.stream().filter(asked -> asked.id().equals(id)).forEach(asked -> names.add(asked.name()));
        return List.copyOf(names);
    }

    /** Runs after a failure, a Ctrl-C among them: the interrupt is set aside until the nodes are cleaned up. */
    private void cleanUp(List<String> nodes, StagedImages staged) {
        boolean interrupted = Thread.interrupted();
        try (Parallel parallel = new Parallel()) {
            parallel.forEach(nodes, staged::cleanUp);
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
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

    /** The way for archives the staged import cannot read: containerd reads the whole archive in each node. */
    private void importWhole(List<NodeInfo> nodes, Path archive) {
        Steps.run(progress, "Importing into " + count(nodes.size(), "node"), () -> {
            try (Parallel parallel = new Parallel()) {
                parallel.forEach(nodes, node -> {
                    try {
                        nodeImages.importArchive(node.name(), archive);
                    } catch (IOException e) {
                        throw new KubicleException(ExitCode.UNEXPECTED_STATE,
                                "cannot read " + archive + " for node " + node.name() + ": " + e.getMessage(), e);
                    }
                });
            }
            return null;
        });
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
}
