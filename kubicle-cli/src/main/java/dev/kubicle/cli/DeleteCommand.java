package dev.kubicle.cli;

import picocli.CommandLine.Command;

@Command(name = "delete", description = "Delete one cluster or all of them.",
        subcommands = {DeleteClusterCommand.class, DeleteClustersCommand.class})
final class DeleteCommand {
}
