package dev.kubicle.bench;

import dev.kubicle.bench.report.MarkdownReport;
import dev.kubicle.bench.report.ReportFiles;
import dev.kubicle.bench.report.Summary;
import dev.kubicle.bench.results.BenchResults;
import dev.kubicle.bench.results.BenchSettings;
import dev.kubicle.bench.results.MachineFacts;
import dev.kubicle.bench.results.ResultsJson;
import dev.kubicle.bench.run.BenchCleanup;
import dev.kubicle.bench.run.BenchPlan;
import dev.kubicle.bench.run.BenchRunner;
import dev.kubicle.bench.run.CommandRunner;
import dev.kubicle.bench.run.DockerNodeObserver;
import dev.kubicle.bench.run.LoadBenchmark;
import dev.kubicle.bench.run.MachineProbe;
import dev.kubicle.bench.run.NodeObserver;
import dev.kubicle.bench.run.ReadinessWaiter;
import dev.kubicle.bench.run.ToolUnderTest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs the whole comparison, loading images last, and writes the results files; regenerates "
                + "docs/ unless told not to. "
                + "Expects the engine up, the node image present and --privileged working (bench/run.sh sees to it).")
final class RunCommand implements Callable<Integer> {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    @Mixin
    ToolOptions tools;

    @Option(names = "--checkout", defaultValue = ".", description = "kubicle's checkout (default: the current "
            + "directory); paths below are relative to it.")
    Path checkout;

    @Option(names = "--kubectl", defaultValue = "kubectl", description = "The kubectl that polls readiness.")
    String kubectl;

    @Option(names = "--rounds", defaultValue = "3", description = "Measured rounds (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--warmup-rounds", defaultValue = "1", description = "Warm-up rounds (default: ${DEFAULT-VALUE}).")
    int warmupRounds;

    @Option(names = "--version-runs", defaultValue = "10",
            description = "`version` runs per tool and round (default: ${DEFAULT-VALUE}).")
    int versionRuns;

    @Option(names = "--idle-seconds", defaultValue = "60", description = "Idle window (default: ${DEFAULT-VALUE}).")
    int idleSeconds;

    @Option(names = "--idle-settle-seconds", defaultValue = "30",
            description = "Wait between the 3-node cluster being Ready and the idle window, so that the start-up of "
                    + "its system pods is not counted as idle use (default: ${DEFAULT-VALUE}).")
    int idleSettleSeconds;

    @Option(names = "--settle-seconds", defaultValue = "5",
            description = "Pause before each create and each start (default: ${DEFAULT-VALUE}).")
    int settleSeconds;

    @Option(names = "--poll-seconds", defaultValue = "0.5",
            description = "Readiness poll interval (default: ${DEFAULT-VALUE}).")
    double pollSeconds;

    @Option(names = "--come-back-seconds", defaultValue = "180",
            description = "How long a stopped cluster has, from the start of its start, to be Ready again; one that "
                    + "is not did not come back (default: ${DEFAULT-VALUE}).")
    int comeBackSeconds;

    @Option(names = "--create-timeout", defaultValue = "900", description = "Seconds (default: ${DEFAULT-VALUE}).")
    int createTimeout;

    @Option(names = "--ready-timeout", defaultValue = "600",
            description = "Seconds after a create of a cluster or node returned (default: ${DEFAULT-VALUE}).")
    int readyTimeout;

    @Option(names = "--delete-timeout", defaultValue = "300", description = "Seconds (default: ${DEFAULT-VALUE}).")
    int deleteTimeout;

    @Option(names = "--configs", defaultValue = "bench/configs",
            description = "Holds one-node.yaml and three-nodes.yaml (default: ${DEFAULT-VALUE}).")
    Path configs;

    @Option(names = "--results", defaultValue = "bench/results", description = "Default: ${DEFAULT-VALUE}.")
    Path results;

    @Option(names = "--work", defaultValue = "bench/work",
            description = "Kubeconfigs and command logs, per run (default: ${DEFAULT-VALUE}).")
    Path work;

    @Option(names = "--docs", defaultValue = "docs", description = "Default: ${DEFAULT-VALUE}.")
    Path docs;

    @Option(names = "--no-docs", description = "Leave docs/ alone (for trial runs).")
    boolean noDocs;

    @Option(names = "--only", description = "Run only one benchmark: 'load' (loading images beside kind, issue 15; "
            + "about 15 to 30 minutes; rewrites only its own part of the docs), which the whole comparison runs "
            + "last, or 'snapshots' (kubicle's 3-node create, snapshot save and restore until Ready, and delete, each "
            + "round; leaves docs/ alone: its report is printed and kept in the results file).")
    String only;

    @Override
    public Integer call() {
        if (rounds < 1 || warmupRounds < 0 || versionRuns < 1 || idleSeconds < 1 || idleSettleSeconds < 0
                || comeBackSeconds < 1) {
            System.err.println("kubicle-bench: --rounds, --version-runs, --idle-seconds and --come-back-seconds must "
                    + "be at least 1, --idle-settle-seconds at least 0");
            return 2;
        }
        if (only != null && !only.equals("load") && !only.equals("snapshots")) {
            System.err.println("kubicle-bench: --only takes 'load' or 'snapshots', not '" + only + "'");
            return 2;
        }
        boolean onlySnapshots = "snapshots".equals(only);
        Path root = checkout.toAbsolutePath().normalize();
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String stamp = STAMP.format(started);
        Path workDirectory = root.resolve(work).resolve(stamp);
        Path resultsFile = root.resolve(results).resolve(stamp + ".json");
        Path oneNode = root.resolve(configs).resolve("one-node.yaml");
        Path threeNodes = root.resolve(configs).resolve("three-nodes.yaml");

        CommandRunner runner = new CommandRunner(workDirectory.resolve("logs"));
        NodeObserver observer = new DockerNodeObserver(runner);
        List<ToolUnderTest> tools = this.tools.tools();
        BenchSettings settings = new BenchSettings(rounds, warmupRounds, versionRuns, idleSeconds, idleSettleSeconds,
                settleSeconds, pollSeconds, comeBackSeconds, root.relativize(oneNode).toString(),
                root.relativize(threeNodes).toString());
        BenchPlan plan = new BenchPlan(tools, oneNode, threeNodes, settings, workDirectory,
                Duration.ofSeconds(createTimeout), Duration.ofSeconds(deleteTimeout), onlySnapshots);
        BenchCleanup cleanup = new BenchCleanup(runner, observer, workDirectory.resolve("cleanup.kubeconfig"),
                System.out);
        if (!cleanup.sweep(plan.toolsRun())) {
            System.err.println("kubicle-bench: clusters of an earlier run are left and cannot be deleted; see above");
            return 1;
        }
        IntSupplier loading = () -> new LoadRun(root, started, root.resolve(results).resolve(stamp + "-load.json"),
                noDocs ? null : root.resolve(docs)).run(new LoadBenchmark(tools, threeNodes, workDirectory, runner,
                Duration.ofSeconds(createTimeout), Duration.ofSeconds(deleteTimeout), System.out));
        if ("load".equals(only)) {
            return loading.getAsInt();
        }
        MachineFacts machine = new MachineProbe(runner).probe(tools.get(0), tools.get(1), root, kubectl);
        BenchResults initial = new BenchResults(BenchResults.SCHEMA, started.toString(), null, settings, machine,
                List.of());
        Consumer<BenchResults> sink = written -> ResultsJson.write(resultsFile, written, Summary.of(written.samples()));
        sink.accept(initial);
        System.out.println("kubicle-bench: results go to " + shown(root, resultsFile) + ", logs to "
                + shown(root, workDirectory));

        ReadinessWaiter readiness = new ReadinessWaiter(runner, kubectl,
                Duration.ofMillis(Math.round(pollSeconds * 1000)), Duration.ofSeconds(readyTimeout));
        BenchResults finished = new BenchRunner(plan, runner, readiness, observer, cleanup, sink, System.out)
                .run(initial)
                .finishedAt(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        sink.accept(finished);

        Summary summary = Summary.of(finished.samples());
        System.out.println();
        System.out.print(new MarkdownReport(finished, summary, resultsFile.toString(), ReportFiles.CHART)
                .resultsTable());
        if (!noDocs && !onlySnapshots) {
            ReportFiles.regenerate(resultsFile, root.resolve(docs));
            System.out.println("kubicle-bench: wrote " + shown(root, root.resolve(docs).resolve(ReportFiles.DOCUMENT))
                    + " and its chart");
        }
        int status = 0;
        if (!summary.failures().isEmpty()) {
            System.err.println("kubicle-bench: " + summary.failures().size() + " samples failed; they are listed in "
                    + "the results file and the report, and left out of the statistics");
            status = 1;
        }
        if (only == null) {
            // Last, on clusters of its own: a failed round above does not keep the load part from being measured.
            System.out.println("kubicle-bench: loading images, beside kind");
            status = Math.max(status, loading.getAsInt());
        }
        return status;
    }

    private static Path shown(Path root, Path path) {
        return path.startsWith(root) ? root.relativize(path) : path;
    }
}
