package dev.kubicle.cli;

import picocli.CommandLine.Command;

@Command(name = "create", description = "Create a cluster, or a node of a running one.",
        subcommands = {CreateClusterCommand.class, CreateNodeCommand.class})
final class CreateCommand {
}
