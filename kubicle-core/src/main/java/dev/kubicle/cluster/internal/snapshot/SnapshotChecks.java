package dev.kubicle.cluster.internal.snapshot;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.provider.NodeInfo;
import dev.kubicle.provider.NodeSpec;
import dev.kubicle.provider.Provider;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/** What save and restore check before they change anything, each problem as one line that says what to do. */
final class SnapshotChecks {
    /** Part of volume names, which allow these characters; lower case like cluster names. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,62}");

    private SnapshotChecks() {
    }

    static void requireValidName(String snapshot) {
        if (!NAME.matcher(snapshot).matches()) {
            throw new KubicleException(ExitCode.INVALID_INPUT, "snapshot name \"" + snapshot + "\" is not valid: "
                    + "use 1 to 63 lower-case letters, digits, '-', '_' and '.', starting with a letter or digit");
        }
    }

    static StoredSnapshot requireSnapshot(Provider provider, String snapshot) {
        requireValidName(snapshot);
        return StoredSnapshot.find(provider, snapshot).orElseThrow(() -> new KubicleException(
                ExitCode.INVALID_INPUT, "no snapshot named \"" + snapshot + "\"; see 'kubicle get snapshots'"));
    }

    /**
     * A snapshot is taken of, and restored over, a stopped cluster only: the files of a running etcd and kubelet
     * change while they are copied, and a running cluster would lose its state to a restore.
     */
    static void requireStopped(String cluster, List<NodeInfo> containers, String doing) {
        List<String> running = containers.stream().filter(NodeInfo::running).map(NodeInfo::name).toList();
        if (!running.isEmpty()) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE, "cannot " + doing + ": cluster \"" + cluster
                    + "\" is running (" + String.join(", ", running) + "); stop it first with 'kubicle stop "
                    + "cluster --name " + cluster + "'");
        }
    }

    /** The copy runs in a container of the node's image, and the node is made from it again. */
    static void requireImages(Provider provider, Collection<NodeSpec> nodes) {
        nodes.stream().map(NodeSpec::image).distinct().filter(image -> !provider.imageExists(image)).findFirst()
                .ifPresent(image -> {
                    throw new KubicleException(ExitCode.UNEXPECTED_STATE, "the engine no longer has the node image "
                            + image + "; get it back ('kubicle build node-image' for kubicle's images, 'docker "
                            + "load' for others) and try again");
                });
    }
}
