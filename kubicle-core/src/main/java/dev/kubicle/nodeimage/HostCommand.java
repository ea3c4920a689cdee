package dev.kubicle.nodeimage;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A command run on the machine kubicle runs on (debootstrap, chroot, tar), with its output appended to a log file:
 * the build's output is long, and only its end matters when it fails.
 */
final class HostCommand {
    /** How much of a failed command's log an error shows. */
    private static final int TAIL_LINES = 20;

    private final List<String> command;
    private final Path log;
    private final Map<String, String> env;

    HostCommand(List<String> command, Path log) {
        this(command, log, Map.of());
    }

    /** @param env variables set for the command on top of the fixed ones */
    HostCommand(List<String> command, Path log, Map<String, String> env) {
        this.command = List.copyOf(command);
        this.log = log;
        this.env = Map.copyOf(env);
    }

    /** Runs the command to its end; throws with the end of its log when it fails. */
    void run() {
        run(null);
    }

    /** Runs the command with {@code input} as its standard input. */
    void run(byte[] input) {
        Process process = start(input == null ? ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())
                : ProcessBuilder.Redirect.PIPE);
        if (input != null) {
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(input);
            } catch (IOException e) {
                // The command stopped reading; its exit code tells why.
            }
        }
        checkExit(process);
    }

    /**
     * Runs the command to its end, passing each line of its output (standard error included) to {@code lines} as
     * it comes, besides the log; throws with the end of the log when it fails.
     */
    void runStreamingOutput(Consumer<String> lines) {
        Process process = start(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()),
                ProcessBuilder.Redirect.PIPE);
        try (BufferedReader output = process.inputReader(StandardCharsets.UTF_8);
             Writer logged = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                logged.write(line + "\n");
                logged.flush();
                lines.accept(line);
            }
        } catch (IOException e) {
            process.destroy();
            throw new UncheckedIOException(e);
        }
        if (Thread.currentThread().isInterrupted()) {
            // Ctrl-C reaches the command too; its failure is the interrupt's doing.
            process.destroy();
            throw new KubicleException(ExitCode.INTERRUPTED, "interrupted while running " + command.get(0));
        }
        checkExit(process);
    }

    /** Starts the command with its standard output left to the caller; standard error goes to the log. */
    Process startReadingOutput() {
        try {
            Files.createDirectories(log.getParent());
            return builder().redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw cannotStart(e);
        }
    }

    /** Waits for a command started here and throws with the end of its log when it failed. */
    void checkExit(Process process) {
        int exit;
        try {
            exit = process.waitFor();
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new KubicleException(ExitCode.INTERRUPTED, "interrupted while running " + command.get(0), e);
        }
        if (exit != 0) {
            throw new KubicleException(ExitCode.GENERIC, String.join(" ", command) + " failed with exit code " + exit
                    + "; its output is in " + log, tailOfLog(), null);
        }
    }

    private Process start(ProcessBuilder.Redirect input) {
        return start(input, ProcessBuilder.Redirect.appendTo(log.toFile()));
    }

    private Process start(ProcessBuilder.Redirect input, ProcessBuilder.Redirect output) {
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "$ " + String.join(" ", command) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return builder().redirectInput(input).redirectErrorStream(true).redirectOutput(output).start();
        } catch (IOException e) {
            throw cannotStart(e);
        }
    }

    private ProcessBuilder builder() {
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        // The same tools and messages whatever the caller's locale and PATH; debconf must never ask.
        env.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        env.put("LC_ALL", "C");
        env.put("DEBIAN_FRONTEND", "noninteractive");
        env.putAll(this.env);
        return builder;
    }

    private KubicleException cannotStart(IOException e) {
        return new KubicleException(ExitCode.UNEXPECTED_STATE, "cannot run " + command.get(0) + ": " + e.getMessage(),
                e);
    }

    private String tailOfLog() {
        try {
            List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }
}
