package dev.kubicle.cli;

import dev.kubicle.provider.Provider;
import dev.kubicle.provider.factory.ProviderFactory;
import picocli.CommandLine;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.function.Function;

/** Starts the command line. {@link #run} returns the exit code, so tests run commands without a new JVM. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Function<String, Provider> engine = EarlyConnection.startFor(args);
        System.exit(InterruptGuard.run(() -> run(System.out, System.err, engine, args)));
    }

    public static int run(PrintStream out, PrintStream err, String... args) {
        return run(out, err, ProviderFactory::connect, args);
    }

    private static int run(PrintStream out, PrintStream err, Function<String, Provider> engine, String... args) {
        CommandLine commandLine = new CommandLine(new KubicleCommand(out, err, engine));
        KubicleCommand.addSubcommands(commandLine, args);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setExecutionExceptionHandler(new ErrorReporter(err));
        commandLine.setParameterExceptionHandler(ErrorReporter::reportUsageError);
        return commandLine.execute(args);
    }
}
