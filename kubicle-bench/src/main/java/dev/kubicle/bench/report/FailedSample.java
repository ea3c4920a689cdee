package dev.kubicle.bench.report;

import dev.kubicle.bench.results.Scenario;
import dev.kubicle.bench.results.Tool;

/** A sample that failed, for the report's list of failures. {@code error} is its message's first line. */
public record FailedSample(Tool tool, Scenario scenario, int round, boolean warmup, String error) {
}
