package dev.kubicle.bench.run;

import dev.kubicle.bench.results.BenchResults;
import dev.kubicle.bench.results.BenchSettings;
import dev.kubicle.bench.results.NodeUsage;
import dev.kubicle.bench.results.Sample;
import dev.kubicle.bench.results.Scenario;
import dev.kubicle.bench.results.StepTime;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs the rounds: in each, the 1-node cycle (create until Ready, delete), the 3-node cycle (create until Ready,
 * idle window, delete) and the version runs, every one for each tool in turn, the first tool swapping from round to
 * round so neither always runs on the machine the other just used. A failure becomes a failed sample and the run
 * goes on; every cluster is deleted after its cycle and again by a sweep at the end.
 */
public final class BenchRunner {
    private static final Path PROC = Path.of("/proc");

    private final BenchPlan plan;
    private final CommandRunner runner;
    private final ReadinessWaiter readiness;
    private final NodeObserver observer;
    private final BenchCleanup cleanup;
    private final Consumer<BenchResults> sink;
    private final PrintStream log;
    private BenchResults results;

    /** @param sink receives the results after every sample, so an interrupted run keeps what it measured */
    public BenchRunner(BenchPlan plan, CommandRunner runner, ReadinessWaiter readiness, NodeObserver observer,
                       BenchCleanup cleanup, Consumer<BenchResults> sink, PrintStream log) {
        this.plan = plan;
        this.runner = runner;
        this.readiness = readiness;
        this.observer = observer;
        this.cleanup = cleanup;
        this.sink = sink;
        this.log = log;
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
                for (ToolUnderTest tool : order) {
                    cycle(tool, Scenario.CREATE_ONE, Scenario.DELETE_ONE, plan.oneNodeConfig(), round, warmup);
                }
                for (ToolUnderTest tool : order) {
                    cycle(tool, Scenario.CREATE_THREE, Scenario.DELETE_THREE, plan.threeNodeConfig(), round, warmup);
                }
                for (ToolUnderTest tool : order) {
                    versions(tool, round, warmup);
                }
            }
        } finally {
            cleanup.sweep(plan.tools());
        }
        return results;
    }

    private void cycle(ToolUnderTest tool, Scenario create, Scenario delete, Path config, int round, boolean warmup) {
        String cluster = tool.clusterName(create.nodes());
        String name = cluster + "-round" + round;
        Path kubeconfig = plan.workDirectory().resolve(name + ".kubeconfig");
        ReadinessWaiter.sleep(Duration.ofSeconds(plan.settings().settleSeconds()));
        Sample created = create(tool, create, config, cluster, kubeconfig, name, round, warmup);
        record(created);
        try {
            if (created.ok() && create == Scenario.CREATE_THREE && !warmup) {
                record(idle(tool, cluster, round));
            }
        } finally {
            record(delete(tool, delete, cluster, kubeconfig, name, round, warmup, created.ok()));
        }
    }

    private Sample create(ToolUnderTest tool, Scenario scenario, Path config, String cluster, Path kubeconfig,
                          String name, int round, boolean warmup) {
        double load = HostStats.loadAverage(PROC);
        CommandResult result = runner.run(name + "-create", tool.create(config, cluster),
                environment(tool, kubeconfig), plan.createTimeout());
        List<StepTime> steps = ProgressSteps.parse(result.lines());
        if (!result.ok()) {
            return new Sample(tool.tool(), scenario, round, warmup, false, result.seconds(), result.failure(),
                    result.seconds(), steps, null, null, load);
        }
        try {
            double ready = readiness.await(kubeconfig, scenario.nodes(), result.startNanos());
            return new Sample(tool.tool(), scenario, round, warmup, true, ready, null, result.seconds(), steps, null,
                    null, load);
        } catch (BenchFailure e) {
            double elapsed = (System.nanoTime() - result.startNanos()) / 1e9;
            return new Sample(tool.tool(), scenario, round, warmup, false, elapsed, e.getMessage(), result.seconds(),
                    steps, null, null, load);
        }
    }

    private Sample idle(ToolUnderTest tool, String cluster, int round) {
        double load = HostStats.loadAverage(PROC);
        int expected = Scenario.IDLE_THREE.nodes();
        try {
            List<NodeContainer> nodes = observer.nodes(tool, cluster);
            if (nodes.size() != expected) {
                throw new BenchFailure("found " + nodes.size() + " node containers of " + cluster + ", expected "
                        + expected);
            }
            IdleMeasurement idle = observer.idle(nodes, Duration.ofSeconds(plan.settings().idleSeconds()));
            return new Sample(tool.tool(), Scenario.IDLE_THREE, round, false, true, idle.seconds(), null, null, null,
                    idle.nodes(), idle.hostCpuSeconds(), load);
        } catch (RuntimeException e) {
            // Reading a cgroup can fail in ways of its own (a node container gone, say): a failed sample, not a crash.
            return new Sample(tool.tool(), Scenario.IDLE_THREE, round, false, false, 0, e.getMessage(), null, null,
                    null, null, load);
        }
    }

    private Sample delete(ToolUnderTest tool, Scenario scenario, String cluster, Path kubeconfig, String name,
                          int round, boolean warmup, boolean created) {
        double load = HostStats.loadAverage(PROC);
        CommandResult result = runner.run(name + "-delete", tool.delete(cluster), environment(tool, kubeconfig),
                plan.deleteTimeout());
        String error = null;
        if (!result.ok()) {
            error = result.failure();
        } else if (!created) {
            error = "not measured: the create failed, so this delete only cleaned up";
        } else {
            error = leftovers(tool, cluster);
        }
        return new Sample(tool.tool(), scenario, round, warmup, error == null, result.seconds(), error, null, null,
                null, null, load);
    }

    private String leftovers(ToolUnderTest tool, String cluster) {
        try {
            List<NodeContainer> left = observer.nodes(tool, cluster);
            return left.isEmpty() ? null : "delete returned, but node containers are left: "
                    + String.join(", ", left.stream().map(NodeContainer::name).toList());
        } catch (BenchFailure e) {
            return "cannot check what delete left: " + e.getMessage();
        }
    }

    private void versions(ToolUnderTest tool, int round, boolean warmup) {
        for (int run = 0; run < plan.settings().versionRuns(); run++) {
            double load = HostStats.loadAverage(PROC);
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
            log.printf(Locale.ROOT, "  %-8s %-9s %s%n", sample.tool().id(), sample.scenario().id(), outcome(sample));
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

    private static Map<String, String> environment(ToolUnderTest tool, Path kubeconfig) {
        Map<String, String> environment = new HashMap<>(tool.environment());
        environment.put("KUBECONFIG", kubeconfig.toString());
        return environment;
    }
}
