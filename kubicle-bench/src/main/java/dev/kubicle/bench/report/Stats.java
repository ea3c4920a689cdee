package dev.kubicle.bench.report;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Minimum, median and maximum of a set of samples. */
public record Stats(int n, double min, double median, double max) {

    /** @return empty when there are no values */
    public static Optional<Stats> of(Collection<Double> values) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return Optional.of(new Stats(n, sorted.get(0), median, sorted.get(n - 1)));
    }
}
