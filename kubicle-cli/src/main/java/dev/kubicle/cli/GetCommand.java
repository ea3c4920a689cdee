package dev.kubicle.cli;

import picocli.CommandLine.Command;

@Command(name = "get", description = "Show clusters, their nodes and kubeconfigs.",
        subcommands = {GetClustersCommand.class, GetNodesCommand.class, GetKubeconfigCommand.class})
final class GetCommand {
}
