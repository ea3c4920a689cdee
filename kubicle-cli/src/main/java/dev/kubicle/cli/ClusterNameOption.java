package dev.kubicle.cli;

import picocli.CommandLine.Option;

/** --name, for commands that act on one existing cluster. */
final class ClusterNameOption {
    static final String DEFAULT = "kubicle";

    @Option(names = {"-n", "--name"}, defaultValue = DEFAULT, description = "The cluster's name (default: ${DEFAULT-VALUE}).")
    String name;
}
