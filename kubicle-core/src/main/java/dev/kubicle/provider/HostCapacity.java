package dev.kubicle.provider;

/**
 * What the engine's host has for its containers, which bounds the resource limits of its nodes.
 *
 * @param cpus        the host's CPUs
 * @param memoryBytes the host's memory
 */
public record HostCapacity(int cpus, long memoryBytes) {
}
