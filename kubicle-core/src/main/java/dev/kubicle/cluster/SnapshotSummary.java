package dev.kubicle.cluster;

/**
 * A snapshot as {@code get snapshots} lists it.
 *
 * @param name     the snapshot's name
 * @param cluster  the cluster it was taken of, and which a restore brings back
 * @param nodes    how many nodes (and load balancer) it holds a copy of
 * @param created  when it was saved, as an ISO-8601 instant
 * @param complete false for what a save killed before it could clean up left behind (delete it)
 */
public record SnapshotSummary(String name, String cluster, int nodes, String created, boolean complete) {
}
