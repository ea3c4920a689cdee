package dev.kubicle.bench;

import dev.kubicle.bench.report.BenchmarksDocument;
import dev.kubicle.bench.report.LoadTable;
import dev.kubicle.bench.report.ReportFiles;
import dev.kubicle.bench.results.ResultsJson;
import dev.kubicle.bench.run.LoadBenchmark;
import dev.kubicle.bench.run.LoadSample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code run --only load}: the load benchmark, its results file and its part of docs/benchmarks.md. */
final class LoadRun {
    private final Path root;
    private final Instant started;
    private final Path resultsFile;
    /** null to leave docs/ alone */
    private final Path docs;

    LoadRun(Path root, Instant started, Path resultsFile, Path docs) {
        this.root = root;
        this.started = started;
        this.resultsFile = resultsFile;
        this.docs = docs;
    }

    int run(LoadBenchmark benchmark) {
        List<LoadSample> samples = new ArrayList<>();
        benchmark.run(sample -> {
            samples.add(sample);
            write(samples);
        });
        write(samples);
        String shownResults = root.relativize(resultsFile).toString();
        String table = LoadTable.markdown(samples, started.toString(), shownResults);
        System.out.println();
        System.out.print(table);
        if (docs != null) {
            Path document = docs.resolve(ReportFiles.DOCUMENT);
            try {
                Files.writeString(document, BenchmarksDocument.withLoadSection(Files.readString(document), table));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot rewrite " + document + ": " + e.getMessage(), e);
            }
            System.out.println("kubicle-bench: wrote the loading part of " + root.relativize(document));
        }
        long failed = samples.stream().filter(sample -> !sample.ok()).count();
        if (failed > 0) {
            System.err.println("kubicle-bench: " + failed + " load samples failed; see " + shownResults);
            return 1;
        }
        return 0;
    }

    private void write(List<LoadSample> samples) {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("benchmark", "load");
        results.put("started", started.toString());
        results.put("samples", samples);
        ResultsJson.writeValue(resultsFile, results);
    }
}
