package dev.kubicle.bench.report;

import java.util.Optional;

/**
 * A goal from issue 5, judged on medians of the same run: most are a ceiling for the kubicle/kind ratio, the CLI
 * start-up goal is a ceiling for kubicle's own time.
 */
public record Target(Kind kind, double limit) {

    public enum Kind { RATIO_AT_MOST, KUBICLE_AT_MOST }

    public static Target ratioAtMost(double limit) {
        return new Target(Kind.RATIO_AT_MOST, limit);
    }

    public static Target kubicleAtMost(double limit) {
        return new Target(Kind.KUBICLE_AT_MOST, limit);
    }

    public String describe(String unit) {
        return switch (kind) {
            case RATIO_AT_MOST -> "ratio ≤ " + Numbers.plain(limit);
            case KUBICLE_AT_MOST -> "kubicle ≤ " + Numbers.plain(limit) + " " + unit;
        };
    }

    public Verdict judge(Optional<Stats> kind, Optional<Stats> kubicle) {
        if (kubicle.isEmpty() || (this.kind == Kind.RATIO_AT_MOST && kind.isEmpty())) {
            return Verdict.NOT_MEASURED;
        }
        double value = switch (this.kind) {
            case RATIO_AT_MOST -> kubicle.get().median() / kind.get().median();
            case KUBICLE_AT_MOST -> kubicle.get().median();
        };
        return value <= limit ? Verdict.MET : Verdict.NOT_MET;
    }
}
