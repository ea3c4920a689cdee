package dev.kubicle.cli;

import picocli.CommandLine.Command;

@Command(name = "restore", description = "Bring a cluster back to the state of a snapshot.",
        subcommands = RestoreSnapshotCommand.class)
final class RestoreCommand {
}
