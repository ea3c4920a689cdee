package dev.kubicle.cli;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import picocli.CommandLine;

import java.io.PrintStream;

/**
 * Turns every failure into one readable line on standard error, like kind: the captured output of a failed
 * command first, then "ERROR: ..."; the stack trace only with -v.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {
    private final PrintStream err;

    ErrorReporter(PrintStream err) {
        this.err = err;
    }

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine,
                                        CommandLine.ParseResult parseResult) {
        boolean verbose = GlobalOptions.isVerbose(parseResult);
        if (exception instanceof KubicleException known) {
            if (!known.detail().isEmpty()) {
                err.println(known.detail());
            }
            err.println("ERROR: " + known.getMessage());
            if (verbose) {
                known.printStackTrace(err);
            }
            return known.exitCode().code();
        }
        err.println("ERROR: internal error: " + exception
                + (verbose ? "" : " (run again with -v for the stack trace)"));
        if (verbose) {
            exception.printStackTrace(err);
        }
        return ExitCode.INTERNAL.code();
    }

    static int reportUsageError(CommandLine.ParameterException exception, String[] args) {
        CommandLine commandLine = exception.getCommandLine();
        commandLine.getErr().println("ERROR: " + exception.getMessage() + "; see '"
                + commandLine.getCommandSpec().qualifiedName() + " --help'");
        return ExitCode.INVALID_INPUT.code();
    }
}
