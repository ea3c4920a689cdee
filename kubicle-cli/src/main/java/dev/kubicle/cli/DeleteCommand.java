package dev.kubicle.cli;

import picocli.CommandLine.Command;

@Command(name = "delete", description = "Delete one cluster, all of them, a node of one, or a snapshot.",
        subcommands = {DeleteClusterCommand.class, DeleteClustersCommand.class, DeleteNodeCommand.class,
                DeleteSnapshotCommand.class})
final class DeleteCommand {
}
