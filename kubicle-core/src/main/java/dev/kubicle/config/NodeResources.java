package dev.kubicle.config;

/**
 * kubicle's {@code nodes[].resources}: the CPU and memory a node's container may use, which the node also reports to
 * Kubernetes as its capacity. Either may be null: no limit.
 *
 * @param cpus   a decimal number of CPUs ({@code 1.5}, {@code "2"}) or Kubernetes millicores ({@code 1500m})
 * @param memory a Kubernetes quantity: bytes, or with a suffix Ki, Mi, Gi, Ti (powers of 1024) or k, M, G, T
 */
public record NodeResources(String cpus, String memory) {
    /** The CPU limit in billionths of a CPU, as engines take it; 0 for none. Only for a validated config. */
    public long nanoCpus() {
        return cpus == null ? 0 : ResourceQuantities.nanoCpus(cpus).orElseThrow();
    }

    /** The memory limit in bytes; 0 for none. Only for a validated config. */
    public long memoryBytes() {
        return memory == null ? 0 : ResourceQuantities.bytes(memory).orElseThrow();
    }
}
