package dev.kubicle.cli;

import picocli.CommandLine.Command;

@Command(name = "build", description = "Build images offline.", subcommands = BuildNodeImageCommand.class)
final class BuildCommand {
}
