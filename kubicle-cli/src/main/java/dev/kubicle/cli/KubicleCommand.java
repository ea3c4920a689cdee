package dev.kubicle.cli;

import dev.kubicle.provider.Provider;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.util.List;
import java.util.function.Function;

@Command(name = "kubicle",
        description = "Local multi-node Kubernetes clusters whose nodes are containers.",
        mixinStandardHelpOptions = true,
        // Every subcommand answers --help (and --version) too.
        scope = ScopeType.INHERIT,
        versionProvider = KubicleVersion.class)
final class KubicleCommand implements Runnable {
    /** Our own subcommands, each given to picocli only when a run needs it: see {@link #addSubcommands}. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(BuildCommand.class, CreateCommand.class,
            DeleteCommand.class, ExportCommand.class, GetCommand.class, LoadCommand.class, RestoreCommand.class,
            StartCommand.class, StopCommand.class, VersionCommand.class);

    final PrintStream out;
    final PrintStream err;
    private final Function<String, Provider> engine;

    @Spec
    CommandSpec spec;

    KubicleCommand(PrintStream out, PrintStream err, Function<String, Provider> engine) {
        this.out = out;
        this.err = err;
        this.engine = engine;
    }

    /**
     * picocli reads every option of every command it is given before it parses anything, which took longer than
     * running {@code version} itself. So a run that names one of our subcommands first gets only that one (with its
     * own subcommands); anything else (help, a typo, completion) gets the whole tree, so that listings, suggestions
     * and completion scripts stay complete.
     */
    static void addSubcommands(CommandLine commandLine, String... args) {
        String first = args.length == 0 ? "" : args[0];
        List<Class<?>> named = SUBCOMMANDS.stream()
                .filter(type -> type.getAnnotation(Command.class).name().equals(first))
                .toList();
        if (!named.isEmpty()) {
            named.forEach(commandLine::addSubcommand);
            return;
        }
        SUBCOMMANDS.forEach(commandLine::addSubcommand);
        commandLine.addSubcommand(AutoComplete.GenerateCompletion.class);
    }

    @Override
    public void run() {
        spec.commandLine().usage(out);
    }

    Session session(GlobalOptions options) {
        return new Session(out, err, options, engine);
    }
}
