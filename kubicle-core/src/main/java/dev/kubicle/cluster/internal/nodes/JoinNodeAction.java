package dev.kubicle.cluster.internal.nodes;

import dev.kubicle.cluster.NodeRole;
import dev.kubicle.cluster.internal.Action;
import dev.kubicle.cluster.internal.create.WriteKubeadmConfigAction;
import dev.kubicle.cluster.internal.kubeadm.KubeadmRun;
import dev.kubicle.cluster.internal.kubeadm.KubeletCredentials;
import dev.kubicle.cluster.internal.kubeadm.PodRangeAssignment;
import dev.kubicle.cluster.internal.lifecycle.ControlPlanes;
import dev.kubicle.cluster.internal.lifecycle.LifecycleContext;

/**
 * {@code kubeadm join} on the new node, its kubelet given its credentials beforehand (a control plane also becomes
 * an etcd member), then the pod CIDR kubicle chose for it on its Node object, where the controller manager would
 * otherwise allocate one.
 */
final class JoinNodeAction implements Action<LifecycleContext> {
    private final NodeAddition addition;

    JoinNodeAction(NodeAddition addition) {
        this.addition = addition;
    }

    @Override
    public String title() {
        return addition.node().role() == NodeRole.CONTROL_PLANE ? "Joining control-plane node 🎮"
                : "Joining worker node 🚜";
    }

    @Override
    public void execute(LifecycleContext context) {
        String node = addition.name();
        String controlPlane = ControlPlanes.anyRunningExcept(context, node);
        KubeletCredentials.place(context.commands(), controlPlane, WriteKubeadmConfigAction.PATH,
                node);
        KubeadmRun.join(context.commands(), context.progress(), node, WriteKubeadmConfigAction.PATH);
        addition.podRange().ifPresent(range -> PodRangeAssignment.assign(context.commands(),
                controlPlane, node, range));
    }
}
