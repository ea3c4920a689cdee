package dev.kubicle.cli;

import picocli.CommandLine.Command;

@Command(name = "export", description = "Export a cluster's logs or settings.",
        subcommands = {ExportKubeconfigCommand.class, ExportLogsCommand.class})
final class ExportCommand {
}
