package dev.kubicle.bench.run;

import dev.kubicle.bench.results.Sample;
import dev.kubicle.bench.results.Scenario;
import dev.kubicle.bench.results.StepTime;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs a tool's command as a sample and times it: until it returns (delete, stop), or until the nodes it made or
 * started are Ready (create, start). A command that fails, or whose result is not what it should be, makes a failed
 * sample; the run goes on.
 */
final class TimedCommands {
    private final CommandRunner runner;
    private final ReadinessWaiter readiness;

    TimedCommands(CommandRunner runner, ReadinessWaiter readiness) {
        this.runner = runner;
        this.readiness = readiness;
    }

    /** @param check run when the command succeeded: what is wrong with its result, or null when nothing */
    Sample untilReturned(ClusterCycle cycle, Scenario scenario, List<String> command, Duration timeout,
                         Supplier<String> check) {
        double load = HostStats.loadAverage(HostStats.PROC);
        CommandResult result = runner.run(cycle.logName(scenario), command, cycle.environment(), timeout);
        return cycle.sample(scenario, result.seconds(), result.ok() ? check.get() : result.failure(), null, List.of(),
                load);
    }

    /** A create of a cluster or of a node: until every node the scenario has is Ready. */
    Sample untilReady(ClusterCycle cycle, Scenario scenario, List<String> command, Duration timeout) {
        return timed(cycle, scenario, command, timeout,
                (result, began) -> readiness.await(cycle.kubeconfig(), scenario.nodes(), result.startNanos()));
    }

    /**
     * A start of a stopped cluster: until every node is Ready again, the command and the wait together within
     * {@code within}. A failed sample means the cluster did not come back.
     */
    Sample untilReadyAgain(ClusterCycle cycle, Scenario scenario, List<String> command, Duration within) {
        return timed(cycle, scenario, command, within, (result, began) -> readiness.awaitAgain(cycle.kubeconfig(),
                scenario.nodes(), result.startNanos(), began, within));
    }

    private Sample timed(ClusterCycle cycle, Scenario scenario, List<String> command, Duration timeout, Wait wait) {
        double load = HostStats.loadAverage(HostStats.PROC);
        Instant began = Instant.now();
        CommandResult result = runner.run(cycle.logName(scenario), command, cycle.environment(), timeout);
        List<StepTime> steps = ProgressSteps.parse(result.lines());
        if (!result.ok()) {
            return cycle.sample(scenario, result.seconds(), result.failure(), result.seconds(), steps, load);
        }
        try {
            return cycle.sample(scenario, wait.until(result, began), null, result.seconds(), steps, load);
        } catch (BenchFailure e) {
            double elapsed = (System.nanoTime() - result.startNanos()) / 1e9;
            return cycle.sample(scenario, elapsed, e.getMessage(), result.seconds(), steps, load);
        }
    }

    /** The readiness poll after a command that succeeded; {@code began} is the wall-clock time it started at. */
    private interface Wait {
        double until(CommandResult result, Instant began);
    }
}
