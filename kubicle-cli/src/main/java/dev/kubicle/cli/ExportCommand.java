package dev.kubicle.cli;

import picocli.CommandLine.Command;

@Command(name = "export", description = "Export a cluster's logs or settings, or a config as a Compose project.",
        subcommands = {ExportKubeconfigCommand.class, ExportLogsCommand.class, ExportComposeCommand.class})
final class ExportCommand {
}
