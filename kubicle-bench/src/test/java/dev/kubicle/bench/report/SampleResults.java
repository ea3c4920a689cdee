package dev.kubicle.bench.report;

import dev.kubicle.bench.results.BenchResults;
import dev.kubicle.bench.results.ResultsJson;

import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * A results file as a real run writes it, with numbers picked so the statistics can be checked by hand: one warm-up
 * round (slower, to be left out), three measured rounds, and one failed kubicle 3-node create in round 1 (its idle,
 * added worker, stop and start samples are missing and its delete is recorded as not measured). The stop, start
 * and added-worker samples follow the others, round by round; kind's 3-node cluster never comes back, and kind has
 * no samples of adding a worker, which it cannot do.
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
