package dev.kubicle.bench.run;

import dev.kubicle.bench.results.BenchSettings;
import dev.kubicle.bench.results.Sample;
import dev.kubicle.bench.results.Scenario;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Stops a running cluster and starts it again, a sample each: kubicle's stop and start, and for kind what its users
 * can do instead, stop and start its node containers with the engine. The start is timed until every node is Ready
 * again, within the come-back time: a cluster that is not Ready again by then did not come back.
 */
final class ClusterRestart {
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(5);

    private final TimedCommands timed;
    private final NodeChecks checks;
    private final BenchSettings settings;

    ClusterRestart(TimedCommands timed, NodeChecks checks, BenchSettings settings) {
        this.timed = timed;
        this.checks = checks;
        this.settings = settings;
    }

    /** @param record takes each sample as soon as it is taken */
    void stopAndStart(ClusterCycle cycle, Scenario stop, Scenario start, Consumer<Sample> record) {
        List<NodeContainer> nodes;
        try {
            nodes = checks.nodes(cycle, stop.nodes());
        } catch (BenchFailure e) {
            record.accept(cycle.failed(stop, e.getMessage()));
            record.accept(cycle.notMeasured(start, "the cluster was not stopped"));
            return;
        }
        ToolUnderTest tool = cycle.tool();
        Sample stopped = timed.untilReturned(cycle, stop, tool.stop(cycle.cluster(), nodes), STOP_TIMEOUT,
                () -> checks.nothingLeft(cycle, "stop", NodeContainer::running, "node containers still run"));
        record.accept(stopped);
        if (!stopped.ok()) {
            record.accept(cycle.notMeasured(start, "the stop failed"));
            return;
        }
        ReadinessWaiter.sleep(Duration.ofSeconds(settings.settleSeconds()));
        record.accept(timed.untilReadyAgain(cycle, start, tool.start(cycle.cluster(), nodes),
                Duration.ofSeconds(settings.comeBackSeconds())));
    }
}
