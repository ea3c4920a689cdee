package dev.kubicle.cli;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "snapshot", description = "Delete a snapshot: every volume it holds. Its cluster is not touched.")
final class DeleteSnapshotCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions options;

    @Parameters(paramLabel = "SNAPSHOT", description = "The snapshot (see 'kubicle get snapshots').")
    String snapshot;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Session session = Root.of(spec).session(options)) {
            if (!session.snapshots().delete(snapshot)) {
                throw new KubicleException(ExitCode.INVALID_INPUT, "no snapshot named \"" + snapshot + "\"; see "
                        + "'kubicle get snapshots'");
            }
            session.progress().note("Snapshot \"" + snapshot + "\" is gone.");
        }
        return 0;
    }
}
