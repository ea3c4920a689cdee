package dev.kubicle.cli;

import dev.kubicle.progress.Verbosity;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** -v, -q and --provider, accepted by every command. */
final class GlobalOptions {
    static final String PROVIDER = "--provider";

    @Option(names = PROVIDER, paramLabel = "ENGINE", description = "The engine the nodes run on: docker, podman or "
            + "auto (the first that answers, Docker first). Default: $KUBICLE_PROVIDER, else auto.")
    String provider;

    @Option(names = {"-v", "--verbose"}, description = "Show the commands run inside nodes and stack traces.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors and requested output.")
    boolean quiet;

    Verbosity verbosity() {
        if (quiet) {
            return Verbosity.QUIET;
        }
        return verbose ? Verbosity.VERBOSE : Verbosity.NORMAL;
    }

    static boolean isVerbose(CommandLine.ParseResult parseResult) {
        CommandLine.ParseResult current = parseResult;
        while (current != null) {
            if (current.hasMatchedOption("-v")) {
                return true;
            }
            current = current.subcommand();
        }
        return false;
    }
}
