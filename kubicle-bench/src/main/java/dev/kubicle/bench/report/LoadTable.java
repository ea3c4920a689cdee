package dev.kubicle.bench.report;

import dev.kubicle.bench.results.StepTime;
import dev.kubicle.bench.run.LoadBenchmark;
import dev.kubicle.bench.run.LoadImages;
import dev.kubicle.bench.run.LoadSample;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The load benchmark's part of docs/benchmarks.md: kubicle's time beside kind's for each image size and way of
 * loading, the ratio against issue 15's target (at most a third of kind's time), and where kubicle's time went.
 */
public final class LoadTable {
    static final double TARGET = 1.0 / 3;

    private LoadTable() {
    }

    public static String markdown(List<LoadSample> samples, String when, String resultsFile) {
        StringBuilder text = new StringBuilder("## Loading images (latest run: " + when + ")\n\n")
                .append("Into a 1 control plane + 2 workers cluster of each tool (same config and node image), one "
                        + "sample each; images of random data, 10 layers of 10 MB and 20 layers of 50 MB. "
                        + "Target (issue 15): kubicle at most 1/3 of kind's time. Raw samples: `" + resultsFile
                        + "`.\n\n")
                .append("| image | load | kind | kubicle | kubicle / kind | target ≤ 0.33 | kubicle's steps |\n")
                .append("|---|---|---:|---:|---:|---|---|\n");
        for (LoadImages.Size size : LoadImages.SIZES) {
            for (String scenario : LoadBenchmark.SCENARIOS) {
                Optional<LoadSample> kind = find(samples, "kind", size.label(), scenario);
                Optional<LoadSample> kubicle = find(samples, "kubicle", size.label(), scenario);
                text.append("| ").append(size.label()).append(" | ").append(scenario).append(" | ")
                        .append(seconds(kind)).append(" | ").append(seconds(kubicle)).append(" | ")
                        .append(ratio(kind, kubicle)).append(" | ").append(verdict(kind, kubicle)).append(" | ")
                        .append(kubicle.filter(LoadSample::ok).map(LoadTable::steps).orElse("")).append(" |\n");
            }
        }
        List<LoadSample> failed = samples.stream().filter(sample -> !sample.ok()).toList();
        if (!failed.isEmpty()) {
            text.append("\nFailed samples:\n\n");
            failed.forEach(sample -> text.append("- ").append(sample.tool()).append(", ").append(sample.size())
                    .append(", ").append(sample.scenario()).append(": ")
                    .append(sample.failure().lines().findFirst().orElse("")).append("\n"));
        }
        return text.toString();
    }

    private static Optional<LoadSample> find(List<LoadSample> samples, String tool, String size, String scenario) {
        return samples.stream().filter(sample -> sample.tool().equals(tool) && sample.size().equals(size)
                && sample.scenario().equals(scenario)).findFirst();
    }

    private static String seconds(Optional<LoadSample> sample) {
        return sample.map(found -> found.ok() ? String.format(Locale.ROOT, "%.1f s", found.seconds()) : "failed")
                .orElse("–");
    }

    private static Optional<Double> ratioOf(Optional<LoadSample> kind, Optional<LoadSample> kubicle) {
        if (kind.isEmpty() || kubicle.isEmpty() || !kind.get().ok() || !kubicle.get().ok()
                || kind.get().seconds() <= 0) {
            return Optional.empty();
        }
        return Optional.of(kubicle.get().seconds() / kind.get().seconds());
    }

    private static String ratio(Optional<LoadSample> kind, Optional<LoadSample> kubicle) {
        return ratioOf(kind, kubicle).map(ratio -> String.format(Locale.ROOT, "%.2f", ratio)).orElse("–");
    }

    private static String verdict(Optional<LoadSample> kind, Optional<LoadSample> kubicle) {
        return ratioOf(kind, kubicle).map(ratio -> ratio <= TARGET ? "met" : "not met").orElse("–");
    }

    private static String steps(LoadSample sample) {
        return sample.steps().stream()
                .map(step -> String.format(Locale.ROOT, "%s %.1f s", step.name(), step.seconds()))
                .collect(Collectors.joining("; "));
    }
}
