package dev.kubicle.cluster;

/** A cluster as {@code get clusters} lists it: its name and whether it runs. */
public record ClusterSummary(String name, ClusterState state) {
}
