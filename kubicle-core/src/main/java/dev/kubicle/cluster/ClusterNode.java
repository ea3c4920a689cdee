package dev.kubicle.cluster;

/** A node of an existing cluster, as {@code get nodes} shows it. */
public record ClusterNode(String name, NodeRole role, String state, String ip, String image) {
}
