package dev.kubicle.bench.results;

/**
 * What one node container used during the idle window, read from its cgroup (which holds every process of the node,
 * its pods included).
 *
 * @param name        the container's name
 * @param role        control-plane or worker, from the tool's role label
 * @param cpuSeconds  CPU time used during the window (cpuacct.usage, or cpu.stat usage_usec on cgroup v2)
 * @param memoryBytes memory usage at the end of the window (memory.usage_in_bytes, or memory.current), page cache
 *                    included
 * @param rssBytes    resident anonymous memory at the end of the window (memory.stat total_rss, or anon on v2)
 * @param cgroup      the cgroup directory read, relative to the controller's mount
 */
public record NodeUsage(String name, String role, double cpuSeconds, long memoryBytes, long rssBytes, String cgroup) {
}
