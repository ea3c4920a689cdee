package dev.kubicle.cluster;

import dev.kubicle.cluster.internal.snapshot.SnapshotDeleter;
import dev.kubicle.cluster.internal.snapshot.SnapshotRestorer;
import dev.kubicle.cluster.internal.snapshot.SnapshotSaver;
import dev.kubicle.cluster.internal.snapshot.StoredSnapshot;
import dev.kubicle.kubeconfig.KubeconfigFiles;
import dev.kubicle.progress.Progress;
import dev.kubicle.provider.Provider;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Named snapshots of stopped clusters: a copy of every node's /var volume (etcd, certificates, the kubelet's and
 * containerd's state, the cluster's recorded config) with each node's recorded spec (name, address, image, ports,
 * mounts). A restore brings the cluster back under its own name and addresses, in the state of the save, instead of
 * creating it again. Snapshots belong to no cluster: deleting the cluster keeps them.
 */
public final class ClusterSnapshots {
    private final Provider provider;
    private final Progress progress;
    private final KubeconfigFiles kubeconfigs;

    public ClusterSnapshots(Provider provider, Progress progress, KubeconfigFiles kubeconfigs) {
        this.provider = Objects.requireNonNull(provider);
        this.progress = Objects.requireNonNull(progress);
        this.kubeconfigs = Objects.requireNonNull(kubeconfigs);
    }

    /** Saves the stopped cluster as a new snapshot; a failed or interrupted save leaves no part of it. */
    public void save(String cluster, String snapshot) {
        new SnapshotSaver(provider, progress).save(cluster, snapshot);
    }

    /**
     * Replaces the snapshot's cluster (stopped, or deleted since) with the state of the snapshot and starts it,
     * waiting up to {@code waitReady} for every node to be Ready; exports its kubeconfig. A failed restore removes
     * the cluster it made unless {@code retain}.
     *
     * @return the name of the cluster restored
     */
    public String restore(String snapshot, Duration waitReady, boolean retain) {
        return new SnapshotRestorer(provider, progress, kubeconfigs).restore(snapshot, waitReady, retain);
    }

    /** Every snapshot on the engine, by name. */
    public List<SnapshotSummary> list() {
        return StoredSnapshot.list(provider).stream().map(snapshot -> new SnapshotSummary(snapshot.name(),
                snapshot.cluster(), snapshot.copies().size(), snapshot.created(), snapshot.complete())).toList();
    }

    /** @return whether there was such a snapshot */
    public boolean delete(String snapshot) {
        return new SnapshotDeleter(provider).delete(snapshot);
    }
}
