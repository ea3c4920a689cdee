package dev.kubicle.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "snapshot", description = "Replace the snapshot's cluster (stopped, or deleted since the save) "
        + "with the state of the snapshot and start it at the same names and addresses, waiting for every node to "
        + "be Ready. A restore that fails or is interrupted removes the cluster it made; the snapshot is unchanged.")
final class RestoreSnapshotCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions options;

    @Parameters(paramLabel = "SNAPSHOT", description = "The snapshot (see 'kubicle get snapshots').")
    String snapshot;

    @Mixin
    WaitOption wait;

    @Option(names = "--retain", description = "Keep what a failed restore made, to look into it.")
    boolean retain;

    @Mixin
    KubeconfigOption kubeconfig;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Session session = Root.of(spec).session(options)) {
            String cluster = session.snapshots(kubeconfig.files()).restore(snapshot, wait.duration, retain);
            session.progress().note("Cluster \"" + cluster + "\" is running in the state of snapshot \"" + snapshot
                    + "\".");
        }
        return 0;
    }
}
