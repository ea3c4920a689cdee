package dev.kubicle.cli;

import dev.kubicle.provider.docker.DockerProvider;
import picocli.CommandLine;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.function.Supplier;

/** Starts the command line. {@link #run} returns the exit code, so tests run commands without a new JVM. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Supplier<DockerProvider> engine = EarlyConnection.startFor(args);
        System.exit(InterruptGuard.run(() -> run(System.out, System.err, engine, args)));
    }

    public static int run(PrintStream out, PrintStream err, String... args) {
        return run(out, err, DockerProvider::connect, args);
    }

    private static int run(PrintStream out, PrintStream err, Supplier<DockerProvider> engine, String... args) {
        CommandLine commandLine = new CommandLine(new KubicleCommand(out, err, engine));
        KubicleCommand.addSubcommands(commandLine, args);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setExecutionExceptionHandler(new ErrorReporter(err));
        commandLine.setParameterExceptionHandler(ErrorReporter::reportUsageError);
        return commandLine.execute(args);
    }
}
