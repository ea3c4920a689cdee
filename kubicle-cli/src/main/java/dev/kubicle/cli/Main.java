package dev.kubicle.cli;

import picocli.CommandLine;

import java.io.PrintStream;
import java.io.PrintWriter;

/** Starts the command line. {@link #run} returns the exit code, so tests run commands without a new JVM. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(InterruptGuard.run(() -> run(System.out, System.err, args)));
    }

    public static int run(PrintStream out, PrintStream err, String... args) {
        CommandLine commandLine = new CommandLine(new KubicleCommand(out, err));
        KubicleCommand.addSubcommands(commandLine, args);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setExecutionExceptionHandler(new ErrorReporter(err));
        commandLine.setParameterExceptionHandler(ErrorReporter::reportUsageError);
        return commandLine.execute(args);
    }
}
