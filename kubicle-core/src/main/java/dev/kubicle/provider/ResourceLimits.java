package dev.kubicle.provider;

/**
 * The CPU and memory a node container may use, in the units engines take them.
 *
 * @param nanoCpus    billionths of a CPU (1.5 CPUs: 1500000000); 0 for no limit
 * @param memoryBytes bytes; 0 for no limit
 */
public record ResourceLimits(long nanoCpus, long memoryBytes) {
    public static final ResourceLimits NONE = new ResourceLimits(0, 0);

    public boolean isEmpty() {
        return nanoCpus == 0 && memoryBytes == 0;
    }
}
