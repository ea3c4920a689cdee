package dev.kubicle.cli;

import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** --nodes, for commands that act on some of a cluster's nodes. */
final class NodesOption {
    @Option(names = "--nodes", split = ",", paramLabel = "NODE",
            description = "Only these nodes, comma-separated (default: every Kubernetes node).")
    List<String> names = new ArrayList<>();
}
