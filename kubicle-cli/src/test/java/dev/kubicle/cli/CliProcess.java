package dev.kubicle.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged command line running in the background, for tests that stop it midway: its standard output and
 * error go to one file, which the test watches for the step it wants to stop the command in.
 */
final class CliProcess {
    /** Longer than an interrupted create takes to clean up after itself. */
    private static final Duration END_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final Path log;

    private CliProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static CliProcess start(Path log, Map<String, String> environment, String... args) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(CliRun.jarCommand(args)).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null")
                        .toFile()));
        builder.environment().putAll(environment);
        return new CliProcess(builder.start(), log);
    }

    /** Waits until the output holds {@code text}; fails the test when the command ends or time runs out first. */
    void awaitOutput(String text, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!output().contains(text)) {
            if (!process.isAlive() && !output().contains(text)) {
                throw new AssertionError("the command ended (exit " + process.exitValue() + ") before printing "
                        + text + ":\n" + output());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + text + " after " + limit + ":\n" + output());
            }
            Thread.sleep(20);
        }
    }

    /** SIGTERM, which like Ctrl-C runs the JVM's shutdown hooks; returns the exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        return awaitEnd();
    }

    /** SIGKILL: the JVM ends at once, cleaning up nothing; returns the exit code. */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        return awaitEnd();
    }

    String output() {
        try {
            // Not Files.readString: the file may end in the middle of a character still being written.
            return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int awaitEnd() throws InterruptedException {
        if (!process.waitFor(END_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the command did not end within " + END_TIMEOUT + " of the signal:\n"
                    + output());
        }
        return process.exitValue();
    }
}
