package dev.kubicle.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "node", description = "Remove a node from its cluster: its pods move to other nodes first, a "
        + "control plane leaves etcd and the load balancer, then its container and volume go. A cluster's last "
        + "control plane cannot be removed.")
final class DeleteNodeCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions options;

    @Parameters(paramLabel = "NODE", description = "The node, by its name (see 'kubicle get nodes').")
    String node;

    @Option(names = {"-n", "--name"}, description = "The node's cluster (default: the cluster its labels name).")
    String cluster;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Session session = Root.of(spec).session(options)) {
            if (cluster == null) {
                session.clusters().deleteNode(node);
            } else {
                session.clusters().deleteNode(cluster, node);
            }
            session.progress().note("Node \"" + node + "\" is gone.");
        }
        return 0;
    }
}
