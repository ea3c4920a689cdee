package dev.kubicle.bench.results;

/**
 * The machine and the versions a run was measured with, as printed in docs/benchmarks.md.
 *
 * @param cpuModel       the CPU's model name
 * @param cores          online CPUs
 * @param memoryBytes    total memory
 * @param os             the distribution's pretty name
 * @param kernel         the kernel release
 * @param dockerVersion  the engine's server version
 * @param cgroupVersion  1 or 2, as the engine reports it
 * @param cgroupDriver   the engine's cgroup driver
 * @param dockerRuntime  the engine's default runtime during the run (a wrapper where --privileged needs one)
 * @param kindVersion    {@code kind version}
 * @param kubicleVersion {@code kubicle version}
 * @param kubicleCommit  the checkout's commit, with {@code -dirty} when it had changes
 * @param javaVersion    the Java runtime kubicle ran on
 * @param kubectlVersion the kubectl that polled readiness
 * @param nodeImage      the node image both tools used
 * @param nodeImageId    its image ID
 */
public record MachineFacts(String cpuModel, int cores, long memoryBytes, String os, String kernel,
                           String dockerVersion, String cgroupVersion, String cgroupDriver, String dockerRuntime,
                           String kindVersion, String kubicleVersion, String kubicleCommit, String javaVersion,
                           String kubectlVersion, String nodeImage, String nodeImageId) {
}
