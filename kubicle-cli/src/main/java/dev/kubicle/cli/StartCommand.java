package dev.kubicle.cli;

import picocli.CommandLine.Command;

@Command(name = "start", description = "Start a stopped cluster again.", subcommands = StartClusterCommand.class)
final class StartCommand {
}
