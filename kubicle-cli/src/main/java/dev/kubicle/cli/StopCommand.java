package dev.kubicle.cli;

import picocli.CommandLine.Command;

@Command(name = "stop", description = "Stop a cluster, keeping all of its state.", subcommands = StopClusterCommand.class)
final class StopCommand {
}
