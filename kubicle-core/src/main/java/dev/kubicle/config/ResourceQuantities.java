package dev.kubicle.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads CPU and memory amounts as Kubernetes writes them (a subset of its quantity syntax, without exponents). */
final class ResourceQuantities {
    private static final Pattern QUANTITY = Pattern.compile("([0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)([A-Za-z]*)");
    private static final BigDecimal NANOS = BigDecimal.valueOf(1_000_000_000L);
    private static final Map<String, Long> MEMORY_SUFFIXES = Map.of(
            "", 1L,
            "k", 1000L, "M", 1000L * 1000, "G", 1000L * 1000 * 1000, "T", 1000L * 1000 * 1000 * 1000,
            "Ki", 1L << 10, "Mi", 1L << 20, "Gi", 1L << 30, "Ti", 1L << 40);

    private ResourceQuantities() {
    }

    /** {@code 1.5}, {@code 2} or {@code 1500m} in billionths of a CPU; empty when it is none of these. */
    static OptionalLong nanoCpus(String text) {
        Matcher matcher = QUANTITY.matcher(text.strip());
        if (!matcher.matches() || !(matcher.group(2).isEmpty() || matcher.group(2).equals("m"))) {
            return OptionalLong.empty();
        }
        BigDecimal cpus = new BigDecimal(matcher.group(1));
        if (matcher.group(2).equals("m")) {
            cpus = cpus.movePointLeft(3);
        }
        return exact(cpus.multiply(NANOS).setScale(0, RoundingMode.CEILING));
    }

    /** A memory size in bytes, rounded up to a whole byte as Kubernetes does; empty when it is not one. */
    static OptionalLong bytes(String text) {
        Matcher matcher = QUANTITY.matcher(text.strip());
        if (!matcher.matches() || !MEMORY_SUFFIXES.containsKey(matcher.group(2))) {
            return OptionalLong.empty();
        }
        BigDecimal bytes = new BigDecimal(matcher.group(1)).multiply(BigDecimal.valueOf(
                MEMORY_SUFFIXES.get(matcher.group(2))));
        return exact(bytes.setScale(0, RoundingMode.CEILING));
    }

    private static OptionalLong exact(BigDecimal whole) {
        try {
            return OptionalLong.of(whole.longValueExact());
        } catch (ArithmeticException tooLarge) {
            return OptionalLong.empty();
        }
    }

    /** How a user reads an amount of memory: in the largest binary unit that keeps one decimal, such as 1.5Gi. */
    static String describeBytes(long bytes) {
        String[] units = {"Ki", "Mi", "Gi", "Ti"};
        String shown = bytes + "";
        for (int i = 0; i < units.length && bytes >= 1L << (10 * (i + 1)); i++) {
            BigDecimal value = BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1L << (10 * (i + 1))), 1,
                    RoundingMode.FLOOR).stripTrailingZeros();
            shown = value.toPlainString() + units[i];
        }
        return shown;
    }
}
