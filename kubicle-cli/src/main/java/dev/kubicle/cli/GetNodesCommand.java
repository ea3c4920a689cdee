package dev.kubicle.cli;

import dev.kubicle.cluster.ClusterNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "nodes", description = "List the nodes of a cluster with their role, state and address.")
final class GetNodesCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions options;

    @Mixin
    ClusterNameOption cluster;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Session session = Root.of(spec).session(options)) {
            List<ClusterNode> nodes = session.clusters().nodes(cluster.name);
            if (nodes.isEmpty()) {
                session.progress().note("No nodes found for cluster \"" + cluster.name + "\".");
                return 0;
            }
            Table table = new Table("NAME", "ROLE", "STATUS", "IP", "IMAGE");
            nodes.forEach(node -> table.row(node.name(), node.role().label(), node.state(), node.ip(), node.image()));
            table.print(session.out());
        }
        return 0;
    }
}
