package dev.kubicle.bench.run;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a command ended.
 *
 * @param startNanos {@link System#nanoTime()} just before the process was started: the origin of all its times
 * @param seconds    wall time until the process exited
 * @param exitCode   the exit code; meaningless when {@code timedOut}
 */
public record CommandResult(List<String> command, long startNanos, double seconds, int exitCode, boolean timedOut,
                            List<TimedLine> lines) {

    public CommandResult {
        command = List.copyOf(command);
        lines = List.copyOf(lines);
    }

    public boolean ok() {
        return exitCode == 0 && !timedOut;
    }

    public String stdout() {
        return lines.stream().filter(line -> !line.stderr()).map(TimedLine::text).collect(Collectors.joining("\n"));
    }

    /**
     * What went wrong, for a failed sample: a first line that says how the command ended and the line of output that
     * most likely says why (the last one mentioning an error, else the last one), then the command and its last lines
     * of output.
     */
    public String failure() {
        String ending = timedOut ? "timed out after " + Math.round(seconds) + " s" : "exited with " + exitCode;
        List<String> tail = lines.subList(Math.max(0, lines.size() - 15), lines.size()).stream()
                .map(TimedLine::text).filter(text -> !text.isBlank()).toList();
        String reason = tail.stream().filter(text -> text.toLowerCase(Locale.ROOT).contains("error"))
                .reduce((first, second) -> second)
                .or(() -> tail.stream().reduce((first, second) -> second))
                .map(text -> "; " + text.strip())
                .orElse("; no output");
        return ending + reason + "\n$ " + String.join(" ", command)
                + (tail.isEmpty() ? "" : "\n" + String.join("\n", tail));
    }
}
