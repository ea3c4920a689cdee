package dev.kubicle.bench.run;

import dev.kubicle.bench.results.NodeUsage;

import java.util.List;

/**
 * What the nodes of a cluster used during an idle window.
 *
 * @param seconds        the window's measured length
 * @param hostCpuSeconds CPU time the whole host used meanwhile
 */
public record IdleMeasurement(double seconds, List<NodeUsage> nodes, double hostCpuSeconds) {
}
