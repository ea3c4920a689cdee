package dev.kubicle.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintStream;

@Command(name = "kubicle",
        description = "Local multi-node Kubernetes clusters whose nodes are containers.",
        mixinStandardHelpOptions = true,
        // Every subcommand answers --help (and --version) too.
        scope = ScopeType.INHERIT,
        versionProvider = KubicleVersion.class,
        subcommands = {
                BuildCommand.class,
                CreateCommand.class,
                DeleteCommand.class,
                ExportCommand.class,
                GetCommand.class,
                LoadCommand.class,
                VersionCommand.class,
                AutoComplete.GenerateCompletion.class
        })
final class KubicleCommand implements Runnable {
    final PrintStream out;
    final PrintStream err;

    @Spec
    CommandSpec spec;

    KubicleCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public void run() {
        spec.commandLine().usage(out);
    }

    Session session(GlobalOptions options) {
        return new Session(out, err, options);
    }
}
