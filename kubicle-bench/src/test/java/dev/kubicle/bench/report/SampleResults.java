package dev.kubicle.bench.report;

import dev.kubicle.bench.results.BenchResults;
import dev.kubicle.bench.results.ResultsJson;

import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * A results file as a real run writes it, with numbers picked so the statistics can be checked by hand: one warm-up
 * round (slower, to be left out), three measured rounds, and one failed kubicle 3-node create in round 1 (its idle
 * sample is missing and its delete is recorded as not measured).
 */
final class SampleResults {
    private SampleResults() {
    }

    static Path file() {
        try {
            return Path.of(SampleResults.class.getResource("sample-results.json").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static BenchResults load() {
        return ResultsJson.read(file());
    }
}
