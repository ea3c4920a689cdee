package dev.kubicle.bench.run;

import dev.kubicle.bench.results.BenchSettings;
import dev.kubicle.bench.results.Sample;
import dev.kubicle.bench.results.Scenario;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Saves the stopped 3-node cluster as a snapshot and restores it, a sample each, for the tools that can: kind has no
 * snapshots. The cluster is stopped first (not a sample: the restart measured that). The restore is timed as a start
 * is, until every node is Ready again; the snapshot is deleted after it, whatever happened.
 */
final class SnapshotRoundTrip {
    /** The harness's snapshot; its name starts like its clusters', so that nobody else's is touched. */
    static final String SNAPSHOT = ToolUnderTest.CLUSTER_PREFIX + "snapshot";
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(5);

    private final CommandRunner runner;
    private final TimedCommands timed;
    private final BenchSettings settings;

    SnapshotRoundTrip(CommandRunner runner, TimedCommands timed, BenchSettings settings) {
        this.runner = runner;
        this.timed = timed;
        this.settings = settings;
    }

    /** @param record takes each sample as soon as it is taken */
    void saveAndRestore(ClusterCycle cycle, Consumer<Sample> record) {
        ToolUnderTest tool = cycle.tool();
        if (!Scenario.SAVE_THREE.possibleWith(tool.tool())) {
            return;
        }
        CommandResult stopped = runner.run(cycle.logName(Scenario.SAVE_THREE) + "-stop",
                tool.stop(cycle.cluster(), List.of()), cycle.environment(), COMMAND_TIMEOUT);
        if (!stopped.ok()) {
            record.accept(cycle.notMeasured(Scenario.SAVE_THREE, "the stop before it failed: " + stopped.failure()));
            record.accept(cycle.notMeasured(Scenario.RESTORE_THREE, "no snapshot was saved"));
            return;
        }
        try {
            Sample saved = timed.untilReturned(cycle, Scenario.SAVE_THREE, tool.saveSnapshot(cycle.cluster(),
                    SNAPSHOT), COMMAND_TIMEOUT, () -> null);
            record.accept(saved);
            if (!saved.ok()) {
                record.accept(cycle.notMeasured(Scenario.RESTORE_THREE, "the save failed"));
                return;
            }
            ReadinessWaiter.sleep(Duration.ofSeconds(settings.settleSeconds()));
            record.accept(timed.untilReadyAgain(cycle, Scenario.RESTORE_THREE, tool.restoreSnapshot(SNAPSHOT),
                    Duration.ofSeconds(settings.comeBackSeconds())));
        } finally {
            runner.run(cycle.logName(Scenario.SAVE_THREE) + "-delete", tool.deleteSnapshot(SNAPSHOT),
                    cycle.environment(), COMMAND_TIMEOUT);
        }
    }
}
