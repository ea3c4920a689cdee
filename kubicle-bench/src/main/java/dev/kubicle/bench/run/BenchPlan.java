package dev.kubicle.bench.run;

import dev.kubicle.bench.results.BenchSettings;
import dev.kubicle.bench.results.Scenario;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a run does.
 *
 * @param tools           the tools, in the order of the first round; later rounds alternate
 * @param oneNodeConfig   the 1-node cluster config
 * @param threeNodeConfig the 1 control plane + 2 workers config
 * @param workDirectory   kubeconfig files and command logs of the run
 * @param createTimeout   the longest a create command may run
 * @param deleteTimeout   the longest a delete command may run
 * @param snapshotsOnly   whether a round is only the 3-node cluster's create, snapshot save and restore, and delete,
 *                        for the tools that have snapshots
 */
public record BenchPlan(List<ToolUnderTest> tools, Path oneNodeConfig, Path threeNodeConfig, BenchSettings settings,
                        Path workDirectory, Duration createTimeout, Duration deleteTimeout, boolean snapshotsOnly) {
    public static final Duration VERSION_TIMEOUT = Duration.ofSeconds(60);

    public BenchPlan {
        tools = List.copyOf(tools);
    }

    /** The tools whose clusters the run makes, and so the only ones whose clusters its sweeps may delete. */
    public List<ToolUnderTest> toolsRun() {
        return snapshotsOnly ? tools.stream().filter(tool -> Scenario.SAVE_THREE.possibleWith(tool.tool())).toList()
                : tools;
    }

    /** A plan of whole rounds. */
    public BenchPlan(List<ToolUnderTest> tools, Path oneNodeConfig, Path threeNodeConfig, BenchSettings settings,
                     Path workDirectory, Duration createTimeout, Duration deleteTimeout) {
        this(tools, oneNodeConfig, threeNodeConfig, settings, workDirectory, createTimeout, deleteTimeout, false);
    }
}
