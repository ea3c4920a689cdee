package dev.kubicle.cluster.internal.snapshot;

import java.util.Map;

/**
 * The labels on a snapshot's volumes, kubicle's only record of a snapshot (as {@code dev.kubicle.cluster} is of a
 * cluster). They carry no cluster label on purpose: a snapshot is no part of its cluster, so that deleting the
 * cluster keeps it and listing clusters does not see it.
 */
public final class SnapshotLabels {
    /** The snapshot's name, on each of its volumes. */
    public static final String SNAPSHOT = "dev.kubicle.snapshot";
    /** The cluster the snapshot was taken of, and into which it is restored. */
    static final String CLUSTER = "dev.kubicle.snapshot.cluster";
    /** The node whose /var volume this volume is a copy of. */
    static final String NODE = "dev.kubicle.snapshot.node";
    /** How many volumes the whole snapshot has: fewer means a save that was killed before it could clean up. */
    static final String VOLUMES = "dev.kubicle.snapshot.volumes";
    /** When the save began, as an ISO-8601 instant. */
    static final String CREATED = "dev.kubicle.snapshot.created";
    /** The node's spec as its volume recorded it, to make the node again from this copy. */
    static final String SPEC = "dev.kubicle.snapshot.spec";

    private SnapshotLabels() {
    }

    public static Map<String, String> ofSnapshot(String snapshot) {
        return Map.of(SNAPSHOT, snapshot);
    }

    public static Map<String, String> anySnapshot() {
        return Map.of(SNAPSHOT, "");
    }

    /** The name of the snapshot's copy of a node's volume. */
    static String volume(String snapshot, String node) {
        return "kubicle-snapshot-" + snapshot + "-" + node;
    }
}
