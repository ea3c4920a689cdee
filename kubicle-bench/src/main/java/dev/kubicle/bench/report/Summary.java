package dev.kubicle.bench.report;

import dev.kubicle.bench.results.Sample;
import dev.kubicle.bench.results.Scenario;
import dev.kubicle.bench.results.Tool;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The statistics of a run, derived from its samples only: warm-up and failed samples are left out of every number
 * and failures are listed.
 */
public record Summary(List<SummaryRow> rows, List<StepBreakdown> createSteps, List<FailedSample> failures) {

    public Summary {
        rows = List.copyOf(rows);
        createSteps = List.copyOf(createSteps);
        failures = List.copyOf(failures);
    }

    public static Summary of(List<Sample> samples) {
        List<SummaryRow> rows = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            rows.add(row(metric, samples));
        }
        List<StepBreakdown> steps = new ArrayList<>();
        for (Scenario scenario : List.of(Scenario.CREATE_ONE, Scenario.CREATE_THREE)) {
            for (Tool tool : Tool.values()) {
                breakdown(tool, scenario, samples).ifPresent(steps::add);
            }
        }
        List<FailedSample> failures = samples.stream()
                .filter(sample -> !sample.ok())
                .map(sample -> new FailedSample(sample.tool(), sample.scenario(), sample.round(), sample.warmup(),
                        firstLine(sample.error())))
                .toList();
        return new Summary(rows, steps, failures);
    }

    public Optional<SummaryRow> row(Metric metric) {
        return rows.stream().filter(row -> row.metric() == metric).findFirst();
    }

    public Optional<StepBreakdown> breakdown(Tool tool, Scenario scenario) {
        return createSteps.stream().filter(b -> b.tool() == tool && b.scenario() == scenario).findFirst();
    }

    private static SummaryRow row(Metric metric, List<Sample> samples) {
        Optional<Stats> kind = stats(metric, Tool.KIND, samples);
        Optional<Stats> kubicle = stats(metric, Tool.KUBICLE, samples);
        Double ratio = kind.isPresent() && kubicle.isPresent() && kind.get().median() > 0
                ? kubicle.get().median() / kind.get().median() : null;
        Target.Medians medians = (other, tool) -> stats(other, tool, samples).map(Stats::median);
        Optional<Double> judged = metric.target().flatMap(target -> target.value(metric, medians));
        return new SummaryRow(metric, metric.label(), metric.unit(), kind.orElse(null), kubicle.orElse(null),
                failed(metric.scenario(), Tool.KIND, samples), failed(metric.scenario(), Tool.KUBICLE, samples), ratio,
                metric.target().map(target -> target.describe(metric.unit())).orElse(null), judged.orElse(null),
                metric.target().map(target -> target.judge(judged)).orElse(null));
    }

    private static Optional<Stats> stats(Metric metric, Tool tool, List<Sample> samples) {
        return Stats.of(counting(tool, metric.scenario(), samples).stream()
                .flatMap(sample -> metric.valueOf(sample).stream())
                .toList());
    }

    private static int failed(Scenario scenario, Tool tool, List<Sample> samples) {
        return (int) samples.stream()
                .filter(s -> s.tool() == tool && s.scenario() == scenario && !s.warmup() && !s.ok())
                .count();
    }

    private static List<Sample> counting(Tool tool, Scenario scenario, List<Sample> samples) {
        return samples.stream().filter(s -> s.tool() == tool && s.scenario() == scenario && s.counts()).toList();
    }

    private static Optional<StepBreakdown> breakdown(Tool tool, Scenario scenario, List<Sample> samples) {
        List<Sample> creates = counting(tool, scenario, samples);
        if (creates.isEmpty()) {
            return Optional.empty();
        }
        // Steps in the order they first appear; a step missing from a round is left out of that round's medians.
        Map<String, List<CreateTimeline.Entry>> byName = new LinkedHashMap<>();
        for (Sample create : creates) {
            for (CreateTimeline.Entry entry : CreateTimeline.of(create)) {
                byName.computeIfAbsent(entry.name(), name -> new ArrayList<>()).add(entry);
            }
        }
        List<StepStats> steps = byName.values().stream()
                .map(entries -> new StepStats(entries.get(0).name(), entries.get(0).fromTool(),
                        median(entries.stream().map(CreateTimeline.Entry::start).toList()),
                        median(entries.stream().map(CreateTimeline.Entry::seconds).toList()),
                        entries.size()))
                .sorted(Comparator.comparingDouble(StepStats::start))
                .toList();
        double total = median(creates.stream().map(Sample::seconds).toList());
        return Optional.of(new StepBreakdown(tool, scenario, creates.size(), total, steps));
    }

    private static double median(List<Double> values) {
        return Stats.of(values).orElseThrow().median();
    }

    private static String firstLine(String text) {
        if (text == null || text.isBlank()) {
            return "failed without a message";
        }
        return text.strip().lines().findFirst().orElseThrow();
    }
}
