package dev.kubicle.cluster.internal.snapshot;

import dev.kubicle.cluster.Labels;
import dev.kubicle.cluster.internal.Action;
import dev.kubicle.cluster.internal.lifecycle.LifecycleContext;
import dev.kubicle.provider.NodeSpec;
import dev.kubicle.provider.NodeSpecRecord;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Copies every node's /var volume (and the load balancer's, which holds only its record) into a volume of the
 * snapshot, all at once. The node's volume holds all its state (etcd, certificates, the kubelet's and containerd's
 * files, the cluster's recorded config), and its labels the spec the node is made again from: both go into the copy.
 */
final class CopyNodeVolumesAction implements Action<LifecycleContext> {
    private final String snapshot;

    CopyNodeVolumesAction(String snapshot) {
        this.snapshot = snapshot;
    }

    @Override
    public String title() {
        return "Copying the nodes' volumes into snapshot \"" + snapshot + "\" 📸";
    }

    @Override
    public void execute(LifecycleContext context) throws InterruptedException {
        List<NodeSpec> nodes = context.provider().recordedNodes(Labels.ofCluster(context.cluster()));
        String created = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        context.parallel().forEach(nodes, spec -> {
            String target = SnapshotLabels.volume(snapshot, spec.name());
            context.progress().detail("copying " + spec.varVolume() + " into " + target);
            Map<String, String> labels = Map.of(SnapshotLabels.SNAPSHOT, snapshot,
                    SnapshotLabels.CLUSTER, context.cluster(), SnapshotLabels.NODE, spec.name(),
                    SnapshotLabels.VOLUMES, Integer.toString(nodes.size()), SnapshotLabels.CREATED, created,
                    SnapshotLabels.SPEC, NodeSpecRecord.write(spec));
            SnapshotVolumes.copy(context, spec.varVolume(), target, labels, spec.image());
        });
    }
}
