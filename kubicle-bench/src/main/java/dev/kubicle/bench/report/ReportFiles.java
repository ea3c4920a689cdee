package dev.kubicle.bench.report;

import dev.kubicle.bench.results.BenchResults;
import dev.kubicle.bench.results.ResultsJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Renders a results file into docs/: the generated part of benchmarks.md and the step chart next to it. */
public final class ReportFiles {
    public static final String DOCUMENT = "benchmarks.md";
    public static final String CHART = "benchmarks-create-steps.png";

    private ReportFiles() {
    }

    public static void regenerate(Path resultsFile, Path docsDirectory) {
        BenchResults results = ResultsJson.read(resultsFile);
        Summary summary = Summary.of(results.samples());
        Path document = docsDirectory.resolve(DOCUMENT);
        new StepChart(summary, subtitle(results)).writePng(docsDirectory.resolve(CHART));
        String resultsLink = docsDirectory.toAbsolutePath().normalize()
                .relativize(resultsFile.toAbsolutePath().normalize()).toString();
        String generated = new MarkdownReport(results, summary, resultsLink, CHART).render();
        try {
            String existing = Files.exists(document) ? Files.readString(document) : null;
            Files.writeString(document, BenchmarksDocument.withGenerated(existing, generated));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + document + ": " + e.getMessage(), e);
        }
    }

    static String subtitle(BenchResults results) {
        return "Median of " + results.settings().rounds() + " rounds per tool; node image "
                + results.machine().nodeImage() + "; " + results.machine().cores() + " cores, Docker "
                + results.machine().dockerVersion() + "; run started " + results.startedAt();
    }
}
