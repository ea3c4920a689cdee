package dev.kubicle.bench.run;

import dev.kubicle.bench.results.Sample;
import dev.kubicle.bench.results.Scenario;
import dev.kubicle.bench.results.StepTime;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One tool's cluster through one round, from its create to its delete: the names its commands use, the kubeconfig
 * they share, and the labels of the samples it yields.
 *
 * @param cluster    the cluster's name, the same in every round, so clean-up finds each tool's clusters by name
 * @param kubeconfig the file the tool's commands write and the readiness poll reads
 * @param logPrefix  the start of the names of its commands' logs
 */
record ClusterCycle(ToolUnderTest tool, String cluster, Path kubeconfig, String logPrefix, int round,
                    boolean warmup) {

    static ClusterCycle of(ToolUnderTest tool, int nodes, int round, boolean warmup, Path workDirectory) {
        String cluster = tool.clusterName(nodes);
        String name = cluster + "-round" + round;
        return new ClusterCycle(tool, cluster, workDirectory.resolve(name + ".kubeconfig"), name, round, warmup);
    }

    Map<String, String> environment() {
        return tool.environment(kubeconfig);
    }

    String logName(Scenario scenario) {
        return logPrefix + "-" + scenario.id();
    }

    /** A sample of this cycle: ok unless {@code error} says why not. */
    Sample sample(Scenario scenario, double seconds, String error, Double returned, List<StepTime> steps,
                  double loadAverage) {
        return new Sample(tool.tool(), scenario, round, warmup, error == null, seconds, error, returned, steps, null,
                null, loadAverage);
    }

    /** A sample that failed before anything could be timed. */
    Sample failed(Scenario scenario, String error) {
        return sample(scenario, 0, error, null, List.of(), HostStats.loadAverage(HostStats.PROC));
    }

    /** A sample that what happened before it kept from being taken. */
    Sample notMeasured(Scenario scenario, String why) {
        return failed(scenario, "not measured: " + why);
    }
}
