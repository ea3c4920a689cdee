package dev.kubicle.bench.run;

import dev.kubicle.bench.results.BenchResults;
import dev.kubicle.bench.results.BenchSettings;
import dev.kubicle.bench.results.NodeUsage;
import dev.kubicle.bench.results.Sample;
import dev.kubicle.bench.results.Scenario;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Runs the rounds: in each, the 1-node cycle (create until Ready, stop, start until Ready again, delete), the 3-node
 * cycle (create until Ready, idle window, add a worker and delete it, stop, start until Ready again, stop, save a
 * snapshot, restore it until Ready again, delete) and the version runs, every one for each tool in turn, the first
 * tool swapping from round to round so neither always runs on the machine the other just used. A plan of snapshots
 * only runs the 3-node cycle's create, snapshot and delete. A failure becomes a failed sample and the run goes on;
 * every cluster is deleted after its cycle and again by a sweep at the end.
 */
public final class BenchRunner {
    /** The scenarios of one cluster's cycle that both cluster sizes have. */
    private record ClusterScenarios(Scenario create, Scenario stop, Scenario start, Scenario delete) {
    }

    private static final ClusterScenarios ONE_NODE = new ClusterScenarios(Scenario.CREATE_ONE, Scenario.STOP_ONE,
            Scenario.START_ONE, Scenario.DELETE_ONE);
    private static final ClusterScenarios THREE_NODES = new ClusterScenarios(Scenario.CREATE_THREE,
            Scenario.STOP_THREE, Scenario.START_THREE, Scenario.DELETE_THREE);

    private final BenchPlan plan;
    private final CommandRunner runner;
    private final NodeObserver observer;
    private final BenchCleanup cleanup;
    private final Consumer<BenchResults> sink;
    private final PrintStream log;
    private final TimedCommands timed;
    private final NodeChecks checks;
    private final ClusterRestart restart;
    private final GrowAndShrink growth;
    private final SnapshotRoundTrip snapshots;
    private BenchResults results;

    /** @param sink receives the results after every sample, so an interrupted run keeps what it measured */
    public BenchRunner(BenchPlan plan, CommandRunner runner, ReadinessWaiter readiness, NodeObserver observer,
                       BenchCleanup cleanup, Consumer<BenchResults> sink, PrintStream log) {
        this.plan = plan;
        this.runner = runner;
        this.observer = observer;
        this.cleanup = cleanup;
        this.sink = sink;
        this.log = log;
        this.timed = new TimedCommands(runner, readiness);
        this.checks = new NodeChecks(observer);
        this.restart = new ClusterRestart(timed, checks, plan.settings());
        this.growth = new GrowAndShrink(timed, checks, plan);
        this.snapshots = new SnapshotRoundTrip(runner, timed, plan.settings());
    }

    public BenchResults run(BenchResults start) {
        results = start;
        BenchSettings settings = plan.settings();
        int rounds = settings.warmupRounds() + settings.rounds();
        try {
            for (int round = 0; round < rounds; round++) {
                boolean warmup = round < settings.warmupRounds();
                log.printf(Locale.ROOT, "round %d of %d%s%n", round + 1, rounds, warmup ? " (warm-up)" : "");
                List<ToolUnderTest> order = new ArrayList<>(plan.tools());
                if (round % 2 == 1) {
                    Collections.reverse(order);
                }
                if (plan.snapshotsOnly()) {
                    for (ToolUnderTest tool : plan.toolsRun()) {
                        cycle(tool, THREE_NODES, plan.threeNodeConfig(), round, warmup);
                    }
                    continue;
                }
                for (ToolUnderTest tool : order) {
                    cycle(tool, ONE_NODE, plan.oneNodeConfig(), round, warmup);
                }
                for (ToolUnderTest tool : order) {
                    cycle(tool, THREE_NODES, plan.threeNodeConfig(), round, warmup);
                }
                for (ToolUnderTest tool : order) {
                    versions(tool, round, warmup);
                }
            }
        } finally {
            cleanup.sweep(plan.toolsRun());
        }
        return results;
    }

    private void cycle(ToolUnderTest tool, ClusterScenarios scenarios, Path config, int round, boolean warmup) {
        ClusterCycle cycle = ClusterCycle.of(tool, scenarios.create().nodes(), round, warmup, plan.workDirectory());
        ReadinessWaiter.sleep(Duration.ofSeconds(plan.settings().settleSeconds()));
        Sample created = timed.untilReady(cycle, scenarios.create(), tool.create(config, cycle.cluster()),
                plan.createTimeout());
        record(created);
        try {
            if (created.ok() && plan.snapshotsOnly()) {
                snapshots.saveAndRestore(cycle, this::record);
            } else if (created.ok()) {
                // Idle and the added worker first, on the cluster as create made it; the restart comes last, as a
                // cluster that does not come back is good for nothing but its delete.
                if (scenarios == THREE_NODES) {
                    if (!warmup) {
                        record(idle(cycle));
                    }
                    growth.addAndDelete(cycle, this::record);
                }
                restart.stopAndStart(cycle, scenarios.stop(), scenarios.start(), this::record);
                if (scenarios == THREE_NODES) {
                    snapshots.saveAndRestore(cycle, this::record);
                }
            }
        } finally {
            record(timed.untilReturned(cycle, scenarios.delete(), tool.delete(cycle.cluster()), plan.deleteTimeout(),
                    () -> created.ok() ? checks.nothingLeft(cycle, "delete", node -> true, "node containers are left")
                            : "not measured: the create failed, so this delete only cleaned up"));
        }
    }

    private Sample idle(ClusterCycle cycle) {
        double load = HostStats.loadAverage(HostStats.PROC);
        ToolUnderTest tool = cycle.tool();
        try {
            ReadinessWaiter.sleep(Duration.ofSeconds(plan.settings().idleSettleSeconds()));
            List<NodeContainer> nodes = checks.nodes(cycle, Scenario.IDLE_THREE.nodes());
            IdleMeasurement idle = observer.idle(nodes, Duration.ofSeconds(plan.settings().idleSeconds()));
            return new Sample(tool.tool(), Scenario.IDLE_THREE, cycle.round(), false, true, idle.seconds(), null,
                    null, null, idle.nodes(), idle.hostCpuSeconds(), load);
        } catch (RuntimeException e) {
            // Reading a cgroup can fail in ways of its own (a node container gone, say): a failed sample, not a crash.
            return cycle.sample(Scenario.IDLE_THREE, 0, e.getMessage(), null, List.of(), load);
        }
    }

    private void versions(ToolUnderTest tool, int round, boolean warmup) {
        for (int run = 0; run < plan.settings().versionRuns(); run++) {
            double load = HostStats.loadAverage(HostStats.PROC);
            CommandResult result = runner.run(tool.version(), tool.environment(), BenchPlan.VERSION_TIMEOUT);
            record(new Sample(tool.tool(), Scenario.VERSION, round, warmup, result.ok(), result.seconds(),
                    result.ok() ? null : result.failure(), null, null, null, null, load));
        }
    }

    private void record(Sample sample) {
        results = results.withSample(sample);
        sink.accept(results);
        // Version runs are many and short: a line for the failed ones only.
        if (sample.scenario() != Scenario.VERSION || !sample.ok()) {
            log.printf(Locale.ROOT, "  %-8s %-11s %s%n", sample.tool().id(), sample.scenario().id(), outcome(sample));
        }
    }

    private static String outcome(Sample sample) {
        if (!sample.ok()) {
            return "FAILED: " + sample.error().lines().findFirst().orElse("");
        }
        String text = String.format(Locale.ROOT, "%.2f s", sample.seconds());
        if (sample.scenario() == Scenario.IDLE_THREE) {
            double cpu = sample.nodes().stream().mapToDouble(NodeUsage::cpuSeconds).sum();
            long rss = sample.nodes().stream().mapToLong(NodeUsage::rssBytes).sum();
            text += String.format(Locale.ROOT, ", nodes used %.2f CPU s, RSS %d MiB in all", cpu, rss >> 20);
        }
        return text;
    }
}
