package dev.kubicle.cli;

import picocli.CommandLine.Command;

@Command(name = "delete", description = "Delete one cluster, all of them, or a node of one.",
        subcommands = {DeleteClusterCommand.class, DeleteClustersCommand.class, DeleteNodeCommand.class})
final class DeleteCommand {
}
