package dev.kubicle.cluster;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.cluster.internal.Parallel;
import dev.kubicle.cluster.internal.ops.NodeLogCollector;
import dev.kubicle.cluster.internal.ops.NodeSelection;
import dev.kubicle.cluster.internal.ops.Steps;
import dev.kubicle.progress.Progress;
import dev.kubicle.provider.NodeInfo;
import dev.kubicle.provider.Provider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Exports a cluster's diagnostics to a local folder, one sub-folder per node (journals, containerd's listings, pod
 * logs, kubeadm's files, the container's description and log), plus the versions of kubicle and the engine. Meant
 * for bug reports, so it collects what it can, notes in each file what it could not, and writes no secret: key and
 * credential files are left out, and tokens, private keys and client keys in the rest are replaced by
 * {@code <redacted>}.
 */
public final class ClusterLogs {
    private final Provider provider;
    private final Progress progress;

    public ClusterLogs(Provider provider, Progress progress) {
        this.provider = Objects.requireNonNull(provider);
        this.progress = Objects.requireNonNull(progress);
    }

    /** Exports into a new temporary folder, as kind does; see {@link #export(String, Path, String)}. */
    public Path export(String cluster, String toolVersion) {
        List<NodeInfo> nodes = NodeSelection.allOf(provider, cluster);
        try {
            return export(cluster, nodes, Files.createTempDirectory("kubicle-logs-"), toolVersion);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for the logs", e);
        }
    }

    /**
     * @param directory   the folder to write into, made when missing
     * @param toolVersion the version line of the program exporting (kept with the logs)
     * @return the folder written
     */
    public Path export(String cluster, Path directory, String toolVersion) {
        return export(cluster, NodeSelection.allOf(provider, cluster), directory, toolVersion);
    }

    private Path export(String cluster, List<NodeInfo> nodes, Path directory, String toolVersion) {
        progress.headline("Exporting logs of cluster \"" + cluster + "\" to " + directory + " ...");
        AtomicInteger failures = new AtomicInteger();
        Steps.run(progress, "Collecting logs from " + nodes.size() + " node" + (nodes.size() == 1 ? "" : "s"), () -> {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("kubicle-version.txt"), toolVersion + "\n", StandardCharsets.UTF_8);
            Files.writeString(directory.resolve(provider.name() + "-version.txt"), engineVersion(),
                    StandardCharsets.UTF_8);
            NodeLogCollector collector = new NodeLogCollector(provider, progress);
            try (Parallel parallel = new Parallel()) {
                parallel.forEach(nodes, node -> {
                    try {
                        failures.addAndGet(collector.collect(node, directory.resolve(node.name())));
                    } catch (IOException e) {
                        throw new KubicleException(ExitCode.GENERIC, "cannot write the logs of node " + node.name()
                                + " into " + directory + ": " + e.getMessage(), e);
                    }
                });
            }
            return null;
        });
        if (failures.get() > 0) {
            progress.note(failures.get() + " item(s) could not be collected; their files say why.");
        }
        return directory;
    }

    private String engineVersion() {
        try {
            return provider.versionReport();
        } catch (RuntimeException e) {
            return "kubicle could not collect this: " + e.getMessage() + "\n";
        }
    }
}
