package dev.kubicle.cluster.internal.snapshot;

import dev.kubicle.cluster.internal.Action;
import dev.kubicle.cluster.internal.lifecycle.LifecycleContext;
import dev.kubicle.provider.NodeSpec;
import dev.kubicle.provider.NodeSpecRecord;

import java.util.Map;
import java.util.TreeMap;

/**
 * Gives each node's /var volume the snapshot's copy of it, so that the start that follows brings every node back at
 * its address with the etcd, certificates and kubelet state of the moment of the save. Where the stopped cluster
 * still has the snapshot's nodes, their volumes are refilled in place and their containers kept (no container or
 * network is made again); otherwise each volume is made anew, labelled as the node's own volume is (its cluster's
 * labels and its spec), and the start makes the nodes again from those records.
 */
final class CopySnapshotIntoNodesAction implements Action<LifecycleContext> {
    private final StoredSnapshot snapshot;
    private final boolean inPlace;

    /** @param inPlace whether the nodes' volumes exist and are to be refilled */
    CopySnapshotIntoNodesAction(StoredSnapshot snapshot, boolean inPlace) {
        this.snapshot = snapshot;
        this.inPlace = inPlace;
    }

    @Override
    public String title() {
        return "Copying snapshot \"" + snapshot.name() + "\" into the nodes' volumes 📦";
    }

    @Override
    public void execute(LifecycleContext context) throws InterruptedException {
        context.parallel().forEach(snapshot.copies(), copy -> {
            NodeSpec spec = copy.spec();
            context.progress().detail("copying " + copy.volume() + " into " + spec.varVolume());
            if (inPlace) {
                SnapshotVolumes.replaceContents(context, copy.volume(), spec.varVolume(), spec.image());
            } else {
                SnapshotVolumes.copy(context, copy.volume(), spec.varVolume(), nodeVolumeLabels(spec), spec.image());
            }
        });
    }

    /** What the engine's provider puts on a node's volume when it runs the node. */
    private static Map<String, String> nodeVolumeLabels(NodeSpec spec) {
        Map<String, String> labels = new TreeMap<>(spec.labels());
        labels.put(NodeSpecRecord.LABEL, NodeSpecRecord.write(spec));
        return labels;
    }
}
