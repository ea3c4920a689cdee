package dev.kubicle.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One run of the command line, in this JVM or as the packaged jar, with what it printed. */
record CliRun(int exitCode, String out, String err) {
    /** Longer than any command the tests run through the jar (a create included). */
    private static final Duration JAR_RUN_TIMEOUT = Duration.ofMinutes(15);

    static CliRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs {@code java -jar target/kubicle.jar} (the module's package) with extra environment variables. */
    static CliRun ofJar(Map<String, String> environment, String... args) {
        ChildProcess.Output output = ChildProcess.run(jarCommand(args), environment, null, JAR_RUN_TIMEOUT);
        return new CliRun(output.exitCode(), output.out(), output.err());
    }

    /** {@code java -jar target/kubicle.jar args...}: the command line as the module packaged it. */
    static List<String> jarCommand(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", Path.of("target", "kubicle.jar").toString()));
        command.addAll(List.of(args));
        return command;
    }
}
