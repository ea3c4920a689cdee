package dev.kubicle.cli;

import picocli.CommandLine.Command;

@Command(name = "create", description = "Create a cluster.", subcommands = CreateClusterCommand.class)
final class CreateCommand {
}
