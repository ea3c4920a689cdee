package dev.kubicle.bench.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything one run measured: the raw samples, the settings and the machine. The statistics are derived from the
 * samples whenever they are needed, so a results file can be re-rendered by a newer report.
 *
 * @param schema     the file format's version: 2 since samples say when any command timed until Ready returned
 *                   ({@code returned}, formerly {@code createReturned}) and settings carry {@code comeBackSeconds}
 * @param startedAt  ISO-8601 instant
 * @param finishedAt ISO-8601 instant, null while the run is in progress or when it was interrupted
 */
// The file also holds the summary computed when it was written, for readers without this code; it is derived data.
@JsonIgnoreProperties({"summary"})
public record BenchResults(int schema, String startedAt, String finishedAt, BenchSettings settings,
                           MachineFacts machine, List<Sample> samples) {
    public static final int SCHEMA = 2;

    public BenchResults {
        samples = List.copyOf(samples);
    }

    public BenchResults withSample(Sample sample) {
        List<Sample> more = new ArrayList<>(samples);
        more.add(sample);
        return new BenchResults(schema, startedAt, finishedAt, settings, machine, more);
    }

    public BenchResults finishedAt(String instant) {
        return new BenchResults(schema, startedAt, instant, settings, machine, samples);
    }
}
