package dev.kubicle.cli;

import dev.kubicle.cluster.SnapshotSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "snapshots", description = "List the snapshots on the engine with their cluster, node count and "
        + "time of saving.")
final class GetSnapshotsCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Session session = Root.of(spec).session(options)) {
            List<SnapshotSummary> snapshots = session.snapshots().list();
            if (snapshots.isEmpty()) {
                session.progress().note("No kubicle snapshots found.");
                return 0;
            }
            Table table = new Table("NAME", "CLUSTER", "NODES", "SAVED", "STATUS");
            snapshots.forEach(snapshot -> table.row(snapshot.name(), snapshot.cluster(),
                    Integer.toString(snapshot.nodes()), snapshot.created(),
                    snapshot.complete() ? "complete" : "incomplete"));
            table.print(session.out());
        }
        return 0;
    }
}
