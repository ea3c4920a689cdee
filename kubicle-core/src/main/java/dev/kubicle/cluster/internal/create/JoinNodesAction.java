package dev.kubicle.cluster.internal.create;

import dev.kubicle.cluster.NodePlan;
import dev.kubicle.cluster.NodeRole;
import dev.kubicle.cluster.internal.Action;
import dev.kubicle.cluster.internal.ActionContext;
import dev.kubicle.cluster.internal.kubeadm.DiscoveryKubeconfig;
import dev.kubicle.cluster.internal.kubeadm.KubeadmRun;
import dev.kubicle.cluster.internal.kubeadm.KubeletCredentials;
import dev.kubicle.cluster.internal.kubeadm.PodRangeAssignment;
import dev.kubicle.kubeadm.KubeadmConfigInput;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code kubeadm join} on every other node, its kubelet given its credentials beforehand: control planes one at a time (each one adds an etcd member, and etcd
 * takes one new member at a time), then all workers at once.
 */
public final class JoinNodesAction implements Action<ActionContext> {
    private final List<NodePlan> controlPlanes;
    private final List<NodePlan> workers;

    public JoinNodesAction(List<NodePlan> nodes) {
        NodePlan bootstrap = nodes.stream().filter(node -> node.role() == NodeRole.CONTROL_PLANE).findFirst()
                .orElseThrow();
        this.controlPlanes = nodes.stream()
                .filter(node -> node.role() == NodeRole.CONTROL_PLANE && node != bootstrap).toList();
        this.workers = nodes.stream().filter(node -> node.role() == NodeRole.WORKER).toList();
    }

    /** Whether there is anything to join; a one-node cluster shows no join step. */
    public boolean hasWork() {
        return !controlPlanes.isEmpty() || !workers.isEmpty();
    }

    /** Whether a control plane joins, adding an etcd member; only workers otherwise. */
    public boolean joinsControlPlanes() {
        return !controlPlanes.isEmpty();
    }

    @Override
    public String title() {
        if (controlPlanes.isEmpty()) {
            return "Joining worker nodes 🚜";
        }
        return workers.isEmpty() ? "Joining more control-plane nodes 🎮"
                : "Joining more control-plane nodes and worker nodes 🎮🚜";
    }

    @Override
    public void execute(ActionContext context) throws InterruptedException {
        String endpoint = context.plan().controlPlaneEndpoint();
        byte[] discovery = DiscoveryKubeconfig.of(context.commands(), context.plan().bootstrapControlPlane().name(),
                endpoint).getBytes(StandardCharsets.UTF_8);
        List<NodePlan> joining = new ArrayList<>(controlPlanes);
        joining.addAll(workers);
        context.parallel().forEach(joining, node -> context.provider().writeFile(node.name(),
                KubeadmConfigInput.DISCOVERY_KUBECONFIG, discovery, 0600));
        for (NodePlan controlPlane : controlPlanes) {
            join(context, controlPlane);
        }
        context.parallel().forEach(workers, worker -> join(context, worker));
    }

    private static void join(ActionContext context, NodePlan node) {
        KubeletCredentials.place(context.commands(), context.plan().bootstrapControlPlane().name(),
                WriteKubeadmConfigAction.PATH, node.name());
        KubeadmRun.join(context.commands(), context.progress(), node.name(), WriteKubeadmConfigAction.PATH);
        context.plan().podRange(node).ifPresent(range -> PodRangeAssignment.assign(context.commands(),
                context.plan().bootstrapControlPlane().name(), node.name(), range));
    }
}
