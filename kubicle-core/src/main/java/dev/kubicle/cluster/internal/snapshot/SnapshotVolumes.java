package dev.kubicle.cluster.internal.snapshot;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.cluster.internal.lifecycle.LifecycleContext;

import java.util.Map;

/** Volume copies in either direction, for the parallel tasks of save and restore (which take no checked exceptions). */
final class SnapshotVolumes {

    private SnapshotVolumes() {
    }

    static void copy(LifecycleContext context, String source, String target, Map<String, String> labels,
            String image) {
        try {
            context.provider().copyVolume(source, target, labels, image);
        } catch (InterruptedException e) {
            throw interrupted(source, e);
        }
    }

    static void replaceContents(LifecycleContext context, String source, String target, String image) {
        try {
            context.provider().replaceVolumeContents(source, target, image);
        } catch (InterruptedException e) {
            throw interrupted(source, e);
        }
    }

    private static KubicleException interrupted(String source, InterruptedException e) {
        Thread.currentThread().interrupt();
        return new KubicleException(ExitCode.INTERRUPTED, "interrupted while copying volume " + source, e);
    }
}
