package dev.kubicle.bench;

import dev.kubicle.bench.report.ReportFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Renders a results file into docs/benchmarks.md and its chart.")
final class ReportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RESULTS", description = "A results file, bench/results/<timestamp>.json.")
    Path results;

    @Option(names = "--docs", defaultValue = "docs", description = "The docs directory (default: ${DEFAULT-VALUE}).")
    Path docs;

    @Override
    public Integer call() {
        ReportFiles.regenerate(results, docs);
        System.out.println("wrote " + docs.resolve(ReportFiles.DOCUMENT) + " and " + docs.resolve(ReportFiles.CHART));
        return 0;
    }
}
