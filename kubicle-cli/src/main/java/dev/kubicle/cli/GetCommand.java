package dev.kubicle.cli;

import picocli.CommandLine.Command;

@Command(name = "get", description = "Show clusters, their nodes and kubeconfigs, and snapshots.",
        subcommands = {GetClustersCommand.class, GetNodesCommand.class, GetKubeconfigCommand.class,
                GetSnapshotsCommand.class})
final class GetCommand {
}
