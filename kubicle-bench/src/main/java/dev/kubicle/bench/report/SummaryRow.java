package dev.kubicle.bench.report;

/**
 * One metric of a run for both tools. Stats are null where a tool has no successful sample.
 *
 * @param ratio   kubicle's median over kind's; null when either is missing
 * @param target  the goal in words; null for rows without one
 * @param judged  the number the goal is for (the ratio, kubicle's median, or its share of another metric); null
 *                for rows without a goal and when a median it needs is missing
 * @param verdict whether the goal holds; null for rows without one
 */
public record SummaryRow(Metric metric, String label, String unit, Stats kind, Stats kubicle, int kindFailed,
                         int kubicleFailed, Double ratio, String target, Double judged, Verdict verdict) {
}
