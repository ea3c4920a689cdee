package dev.kubicle.cluster.internal.snapshot;

import dev.kubicle.cluster.internal.Action;
import dev.kubicle.cluster.internal.lifecycle.LifecycleContext;
import dev.kubicle.provider.NodeSpec;
import dev.kubicle.provider.NodeSpecRecord;

import java.util.Map;
import java.util.TreeMap;

/**
 * Makes each node's /var volume again as a copy of the snapshot's, labelled as the node's own volume is (its
 * cluster's labels and its spec), so that the start that follows finds the nodes recorded and makes them again at
 * their addresses, with the etcd, certificates and kubelet state of the moment of the save.
 */
final class CopySnapshotIntoNodesAction implements Action<LifecycleContext> {
    private final StoredSnapshot snapshot;

    CopySnapshotIntoNodesAction(StoredSnapshot snapshot) {
        this.snapshot = snapshot;
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
            SnapshotVolumes.copy(context, copy.volume(), spec.varVolume(), nodeVolumeLabels(spec), spec.image());
        });
    }

    /** What the engine's provider puts on a node's volume when it runs the node. */
    private static Map<String, String> nodeVolumeLabels(NodeSpec spec) {
        Map<String, String> labels = new TreeMap<>(spec.labels());
        labels.put(NodeSpecRecord.LABEL, NodeSpecRecord.write(spec));
        return labels;
    }
}
