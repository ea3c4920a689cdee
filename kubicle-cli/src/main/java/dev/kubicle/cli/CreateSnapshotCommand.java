package dev.kubicle.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "snapshot", description = "Save a stopped cluster as a named snapshot: a copy of every node's "
        + "volume (etcd, certificates, kubelet and containerd state, pulled and loaded images) and of each node's "
        + "recorded spec. 'kubicle restore snapshot' brings the cluster back to it.")
final class CreateSnapshotCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions options;

    @Parameters(paramLabel = "SNAPSHOT", description = "The snapshot's name: lower-case letters, digits, '-', '_', "
            + "'.'.")
    String snapshot;

    @Mixin
    ClusterNameOption cluster;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Session session = Root.of(spec).session(options)) {
            session.snapshots().save(cluster.name, snapshot);
            session.progress().note("Snapshot \"" + snapshot + "\" of cluster \"" + cluster.name + "\" is saved; "
                    + "bring the cluster back to it with 'kubicle restore snapshot " + snapshot + "'.");
        }
        return 0;
    }
}
