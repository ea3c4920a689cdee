package dev.kubicle.cli;

import picocli.CommandLine.Command;

@Command(name = "get", description = "Show clusters and their nodes.",
        subcommands = {GetClustersCommand.class, GetNodesCommand.class})
final class GetCommand {
}
