package dev.kubicle.cli;

import picocli.CommandLine.Command;

@Command(name = "load", description = "Load images into the nodes of a cluster.",
        subcommands = {LoadDockerImageCommand.class, LoadImageArchiveCommand.class})
final class LoadCommand {
}
