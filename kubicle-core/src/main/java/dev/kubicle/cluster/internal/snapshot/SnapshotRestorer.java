package dev.kubicle.cluster.internal.snapshot;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.cluster.Labels;
import dev.kubicle.cluster.internal.Action;
import dev.kubicle.cluster.internal.FailedClusterCleanUp;
import dev.kubicle.cluster.internal.Parallel;
import dev.kubicle.cluster.internal.Pipeline;
import dev.kubicle.cluster.internal.lifecycle.ClusterLifecycle;
import dev.kubicle.cluster.internal.lifecycle.LifecycleContext;
import dev.kubicle.kubeconfig.KubeconfigFiles;
import dev.kubicle.progress.Progress;
import dev.kubicle.provider.NodeInfo;
import dev.kubicle.provider.NodeSpec;
import dev.kubicle.provider.Provider;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Brings a snapshot's cluster back as it was at the save: the stopped cluster of that name (if any) is removed, each
 * node's volume is made again as a copy of the snapshot's, and the cluster is started as {@code start cluster} starts
 * one whose containers are gone, at the same names and addresses. A restore that fails or is interrupted deletes the
 * cluster it was making, unless retained; the snapshot itself is only read.
 */
public final class SnapshotRestorer {
    private final Provider provider;
    private final Progress progress;
    private final KubeconfigFiles kubeconfigs;

    public SnapshotRestorer(Provider provider, Progress progress, KubeconfigFiles kubeconfigs) {
        this.provider = provider;
        this.progress = progress;
        this.kubeconfigs = kubeconfigs;
    }

    /** @return the name of the cluster restored */
    public String restore(String name, Duration waitReady, boolean retain) {
        StoredSnapshot snapshot = SnapshotChecks.requireSnapshot(provider, name);
        if (!snapshot.complete()) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE, "snapshot \"" + name + "\" is incomplete ("
                    + snapshot.copies().size() + " of " + snapshot.expectedVolumes() + " volumes: its save was "
                    + "killed); delete it with 'kubicle delete snapshot " + name + "' and save it again");
        }
        String cluster = snapshot.cluster();
        List<NodeInfo> containers = provider.listNodes(Labels.ofCluster(cluster));
        SnapshotChecks.requireStopped(cluster, containers, "restore snapshot \"" + name + "\"");
        List<NodeSpec> nodes = snapshot.copies().stream().map(StoredSnapshot.NodeCopy::spec).toList();
        requireNamesFree(cluster, nodes);
        SnapshotChecks.requireImages(provider, nodes);
        // Read first, as create does: a restore that could not write the kubeconfig at its end changes nothing.
        kubeconfigs.read(kubeconfigs.fileToWrite());

        boolean inPlace = hasTheSnapshotsNodes(cluster, nodes);
        progress.headline("Restoring cluster \"" + cluster + "\" from snapshot \"" + name + "\" ...");
        try (Parallel parallel = new Parallel()) {
            LifecycleContext context = LifecycleContext.of(cluster, provider, progress, parallel);
            try {
                new Pipeline<>(inPlace ? List.of(new CopySnapshotIntoNodesAction(snapshot, true))
                        : List.of(new RemoveStoppedClusterAction(), new CopySnapshotIntoNodesAction(snapshot, false)))
                        .run(context);
                List<Action<LifecycleContext>> start = new ArrayList<>(
                        new ClusterLifecycle(provider, progress).startActions(cluster, waitReady));
                start.add(new ExportKubeconfigAgainAction(kubeconfigs));
                new Pipeline<>(start).run(context);
            } catch (RuntimeException failure) {
                cleanUp(cluster, retain, parallel, failure);
                throw failure;
            }
        }
        return cluster;
    }

    /**
     * Whether the stopped cluster is made of the very nodes of the snapshot (names, addresses, images, ports, mounts)
     * on its network: their volumes can then be refilled and their containers kept. A node added or removed since
     * the save, or a network gone, makes the cluster over again.
     */
    private boolean hasTheSnapshotsNodes(String cluster, List<NodeSpec> nodes) {
        return Set.copyOf(provider.recordedNodes(Labels.ofCluster(cluster))).equals(Set.copyOf(nodes))
                && nodes.stream().map(NodeSpec::network).distinct()
                .allMatch(network -> provider.network(network).isPresent());
    }

    /** A container of a node's name that is not that node would stop the restore half-way. */
    private void requireNamesFree(String cluster, List<NodeSpec> nodes) {
        for (NodeSpec node : nodes) {
            Optional<NodeInfo> holder = provider.inspectNode(node.name());
            if (holder.isPresent() && !cluster.equals(holder.get().labels().get(Labels.CLUSTER))) {
                throw new KubicleException(ExitCode.INVALID_INPUT, "cannot restore cluster \"" + cluster + "\": a "
                        + "container named " + node.name() + " exists and is not its node; remove or rename it");
            }
        }
    }

    private void cleanUp(String cluster, boolean retain, Parallel parallel, RuntimeException failure) {
        if (retain) {
            progress.note("Kept what the failed restore made of cluster \"" + cluster + "\" (--retain); remove it "
                    + "with 'kubicle delete cluster --name " + cluster + "'");
            return;
        }
        if (FailedClusterCleanUp.run(provider, parallel, kubeconfigs, cluster, failure)) {
            progress.note("Removed what the failed restore made of cluster \"" + cluster + "\"; the snapshot is "
                    + "unchanged: restore it again.");
        }
    }
}
