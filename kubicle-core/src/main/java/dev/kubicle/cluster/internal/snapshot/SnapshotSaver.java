package dev.kubicle.cluster.internal.snapshot;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.cluster.Labels;
import dev.kubicle.cluster.internal.Parallel;
import dev.kubicle.cluster.internal.Pipeline;
import dev.kubicle.cluster.internal.lifecycle.LifecycleContext;
import dev.kubicle.progress.Progress;
import dev.kubicle.provider.Provider;

import java.util.List;

/**
 * Saves a stopped cluster as a named snapshot. A save that fails or is interrupted deletes the volumes it made, so a
 * snapshot is either whole or absent.
 */
public final class SnapshotSaver {
    private final Provider provider;
    private final Progress progress;

    public SnapshotSaver(Provider provider, Progress progress) {
        this.provider = provider;
        this.progress = progress;
    }

    public void save(String cluster, String snapshot) {
        SnapshotChecks.requireValidName(snapshot);
        LifecycleContext state = LifecycleContext.of(cluster, provider, progress, null);
        state.requireExists();
        SnapshotChecks.requireStopped(cluster, state.containers(), "save a snapshot");
        StoredSnapshot.find(provider, snapshot).ifPresent(taken -> {
            throw new KubicleException(ExitCode.INVALID_INPUT, "a snapshot named \"" + snapshot + "\" exists "
                    + "already (of cluster \"" + taken.cluster() + "\", saved " + taken.created() + "); pick "
                    + "another name, or delete it first with 'kubicle delete snapshot " + snapshot + "'");
        });
        SnapshotChecks.requireImages(provider, provider.recordedNodes(Labels.ofCluster(cluster)));
        progress.headline("Saving cluster \"" + cluster + "\" as snapshot \"" + snapshot + "\" ...");
        try (Parallel parallel = new Parallel()) {
            new Pipeline<>(List.of(new CopyNodeVolumesAction(snapshot)))
                    .run(LifecycleContext.of(cluster, provider, progress, parallel));
        } catch (RuntimeException failure) {
            SnapshotDeleter.deleteWhileFailing(provider, progress, snapshot, failure);
            throw failure;
        }
    }
}
