package dev.kubicle.bench.report;

import dev.kubicle.bench.results.Tool;

import java.util.Optional;

/**
 * A goal from issues 5 and 9, judged on medians of the same run: most are a ceiling for the kubicle/kind ratio, the
 * CLI start-up goal is a ceiling for kubicle's own time, and what kind cannot do, or only another way, is held to a
 * share of kubicle's own time for another metric.
 *
 * @param reference for {@link Kind#SHARE_AT_MOST}: the metric whose kubicle median the share is of; else null
 */
public record Target(Kind kind, double limit, Metric reference) {

    public enum Kind { RATIO_AT_MOST, KUBICLE_AT_MOST, SHARE_AT_MOST }

    /** The median of a metric for a tool in the run being judged; empty when it has no successful sample. */
    @FunctionalInterface
    public interface Medians {
        Optional<Double> of(Metric metric, Tool tool);
    }

    public static Target ratioAtMost(double limit) {
        return new Target(Kind.RATIO_AT_MOST, limit, null);
    }

    public static Target kubicleAtMost(double limit) {
        return new Target(Kind.KUBICLE_AT_MOST, limit, null);
    }

    public static Target shareAtMost(double limit, Metric reference) {
        return new Target(Kind.SHARE_AT_MOST, limit, reference);
    }

    public String describe(String unit) {
        return switch (kind) {
            case RATIO_AT_MOST -> "ratio ≤ " + Numbers.plain(limit);
            case KUBICLE_AT_MOST -> "kubicle ≤ " + Numbers.plain(limit) + " " + unit;
            case SHARE_AT_MOST -> "kubicle ≤ " + Numbers.plain(limit) + " × its " + reference.scenario().id();
        };
    }

    /** The number the limit is for: the ratio, kubicle's median or its share; empty when a median is missing. */
    public Optional<Double> value(Metric metric, Medians medians) {
        Optional<Double> kubicle = medians.of(metric, Tool.KUBICLE);
        return switch (kind) {
            case RATIO_AT_MOST -> kubicle.flatMap(own -> medians.of(metric, Tool.KIND).map(kind -> own / kind));
            case KUBICLE_AT_MOST -> kubicle;
            case SHARE_AT_MOST -> kubicle.flatMap(own -> medians.of(reference, Tool.KUBICLE).map(of -> own / of));
        };
    }

    public Verdict judge(Optional<Double> value) {
        return value.map(number -> number <= limit ? Verdict.MET : Verdict.NOT_MET).orElse(Verdict.NOT_MEASURED);
    }
}
