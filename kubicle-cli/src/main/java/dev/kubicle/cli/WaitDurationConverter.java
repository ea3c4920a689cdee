package dev.kubicle.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as kind's --wait takes them (Go's spelling): 0, 30s, 5m, 1m30s, 1h. */
final class WaitDurationConverter implements ITypeConverter<Duration> {
    private static final Pattern WHOLE = Pattern.compile("(\\d+(h|m|s|ms))+");
    private static final Pattern PART = Pattern.compile("(\\d+)(h|m|s|ms)");

    @Override
    public Duration convert(String value) {
        if ("0".equals(value)) {
            return Duration.ZERO;
        }
        if (!WHOLE.matcher(value).matches()) {
            throw new TypeConversionException("'" + value + "' is not a duration; write it like 0, 30s, 5m or 1m30s");
        }
        Duration total = Duration.ZERO;
        Matcher part = PART.matcher(value);
        while (part.find()) {
            long amount = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "h" -> Duration.ofHours(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "s" -> Duration.ofSeconds(amount);
                default -> Duration.ofMillis(amount);
            });
        }
        return total;
    }
}
