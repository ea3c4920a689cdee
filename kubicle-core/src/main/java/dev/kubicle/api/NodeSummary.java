package dev.kubicle.api;

/**
 * One node of a cluster as the engine shows it.
 *
 * @param name        the node's name, which is also its container's name and its Kubernetes node name
 * @param role        {@code control-plane}, {@code worker} or {@code external-load-balancer}
 * @param containerId the engine's id of the node's container; a node made again has a new one
 * @param running     whether its container runs
 * @param ip          its IPv4 address on the cluster's network, empty while it is stopped
 */
public record NodeSummary(String name, String role, String containerId, boolean running, String ip) {
}
