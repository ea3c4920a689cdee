package dev.kubicle.cluster.internal.snapshot;

import dev.kubicle.progress.Progress;
import dev.kubicle.provider.Provider;

import java.util.List;

/** Removes a snapshot: every volume labelled with its name. */
public final class SnapshotDeleter {
    private final Provider provider;

    public SnapshotDeleter(Provider provider) {
        this.provider = provider;
    }

    /** @return whether there was such a snapshot */
    public boolean delete(String snapshot) {
        SnapshotChecks.requireValidName(snapshot);
        List<String> volumes = provider.volumes(SnapshotLabels.ofSnapshot(snapshot));
        volumes.forEach(provider::deleteVolume);
        return !volumes.isEmpty();
    }

    /**
     * The clean-up of a failed or interrupted save, with the interrupt cleared meanwhile so that its engine calls
     * are not cut short; a failure of its own is added to the save's.
     */
    static void deleteWhileFailing(Provider provider, Progress progress, String snapshot, RuntimeException failure) {
        boolean interrupted = Thread.interrupted();
        try {
            if (new SnapshotDeleter(provider).delete(snapshot)) {
                progress.note("Removed the part of snapshot \"" + snapshot + "\" that was saved.");
            }
        } catch (RuntimeException cleanupFailure) {
            failure.addSuppressed(cleanupFailure);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
