package dev.kubicle.cli;

import picocli.CommandLine.Command;

@Command(name = "create", description = "Create a cluster, a node of a running one, or a snapshot of a stopped one.",
        subcommands = {CreateClusterCommand.class, CreateNodeCommand.class, CreateSnapshotCommand.class})
final class CreateCommand {
}
