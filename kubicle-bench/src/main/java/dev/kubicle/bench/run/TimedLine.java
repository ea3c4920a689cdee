package dev.kubicle.bench.run;

/**
 * A line a command printed, with when it arrived.
 *
 * @param seconds since the command was started
 * @param stderr  whether it came on standard error
 */
public record TimedLine(double seconds, boolean stderr, String text) {
}
