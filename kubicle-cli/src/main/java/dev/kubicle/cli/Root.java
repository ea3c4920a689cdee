package dev.kubicle.cli;

import picocli.CommandLine.Model.CommandSpec;

/** Reaches the top command (which holds the output streams) from any subcommand. */
final class Root {
    private Root() {
    }

    static KubicleCommand of(CommandSpec spec) {
        return (KubicleCommand) spec.root().userObject();
    }
}
