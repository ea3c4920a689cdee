package dev.kubicle.bench.run;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command with a deadline and timestamps each output line as it arrives, which is how steps of a tool that
 * prints no durations (kind) are timed. Optionally keeps the timestamped output as a log file.
 */
public final class CommandRunner {
    private static final Duration GRACE = Duration.ofSeconds(10);

    private final Path logDirectory;

    /** @param logDirectory where commands run with a log name leave their output */
    public CommandRunner(Path logDirectory) {
        this.logDirectory = logDirectory;
    }

    public CommandResult run(List<String> command, Map<String, String> environment, Duration timeout) {
        return run(Optional.empty(), command, environment, timeout);
    }

    public CommandResult run(String logName, List<String> command, Map<String, String> environment,
                             Duration timeout) {
        return run(Optional.of(logName), command, environment, timeout);
    }

    private CommandResult run(Optional<String> logName, List<String> command, Map<String, String> environment,
                              Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(environment);
        List<TimedLine> lines = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            lines.add(new TimedLine(0, true, "cannot start: " + e.getMessage()));
            return new CommandResult(command, start, 0, 127, false, lines);
        }
        Thread out = reader(process.getInputStream(), false, start, lines);
        Thread err = reader(process.getErrorStream(), true, start, lines);
        boolean timedOut = !waitFor(process, timeout);
        if (timedOut) {
            // The command's children (the docker CLI under kind, say) go too: they would keep the output open.
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!waitFor(process, GRACE)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                waitFor(process, GRACE);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // A child the command left behind may keep the pipes open; its output is not the command's.
        join(out);
        join(err);
        int exitCode = process.isAlive() ? -1 : process.exitValue();
        List<TimedLine> sorted;
        synchronized (lines) {
            sorted = lines.stream().sorted(Comparator.comparingDouble(TimedLine::seconds)).toList();
        }
        CommandResult result = new CommandResult(command, start, seconds, exitCode, timedOut, sorted);
        logName.ifPresent(name -> writeLog(name, result));
        return result;
    }

    private static Thread reader(InputStream stream, boolean stderr, long start, List<TimedLine> lines) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lines.add(new TimedLine((System.nanoTime() - start) / 1e9, stderr, line));
                }
            } catch (IOException e) {
                // The process was killed: what arrived so far is all there is.
            }
        }, "bench-output");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static boolean waitFor(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
            throw new IllegalStateException("interrupted while waiting for "
                    + process.info().command().orElse("a command"));
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join(GRACE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeLog(String name, CommandResult result) {
        StringBuilder log = new StringBuilder("$ " + String.join(" ", result.command()) + "\n");
        for (TimedLine line : result.lines()) {
            log.append(String.format(Locale.ROOT, "%9.3f %s %s%n", line.seconds(), line.stderr() ? "err" : "out",
                    line.text()));
        }
        log.append(String.format(Locale.ROOT, "%9.3f exit %s%n", result.seconds(),
                result.timedOut() ? "timed out" : String.valueOf(result.exitCode())));
        try {
            Files.createDirectories(logDirectory);
            Files.writeString(logDirectory.resolve(name + ".log"), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write log " + name + ": " + e.getMessage(), e);
        }
    }
}
