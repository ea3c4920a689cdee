package dev.kubicle.bench.report;

import java.math.BigDecimal;
import java.util.Locale;

/** Number formats shared by the report and the chart: three significant digits are plenty for timings. */
final class Numbers {
    private Numbers() {
    }

    static String format(double value) {
        double magnitude = Math.abs(value);
        String pattern = magnitude >= 100 ? "%.0f" : magnitude >= 10 ? "%.1f" : magnitude >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, pattern, value);
    }

    /** A setting as it was given: 0.5, 60, 0.6. */
    static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    static String seconds(double value) {
        return format(value) + " s";
    }
}
