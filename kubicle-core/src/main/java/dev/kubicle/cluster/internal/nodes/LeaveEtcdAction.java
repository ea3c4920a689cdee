package dev.kubicle.cluster.internal.nodes;

import dev.kubicle.KubicleException;
import dev.kubicle.cluster.internal.Action;
import dev.kubicle.cluster.internal.kubeadm.KubeadmRun;
import dev.kubicle.cluster.internal.lifecycle.ControlPlanes;
import dev.kubicle.cluster.internal.lifecycle.LifecycleContext;

/**
 * Takes a control plane out of etcd before it goes: a member that is gone but still counted would make every later
 * quorum harder to reach, and a cluster of two members cannot lose one of them without losing its quorum.
 * {@code kubeadm reset} on the node removes its member as kubeadm knows to; whatever it could not do (a node not
 * running, a reset that failed) is done from another control plane, which removes any member left that has the
 * node's name or address.
 */
final class LeaveEtcdAction implements Action<LifecycleContext> {
    private final NodeRemoval removal;

    LeaveEtcdAction(NodeRemoval removal) {
        this.removal = removal;
    }

    @Override
    public String title() {
        return "Removing the control plane from etcd 🗳️";
    }

    @Override
    public void execute(LifecycleContext context) {
        String node = removal.name();
        if (removal.running()) {
            try {
                KubeadmRun.run(context.commands(), context.progress(), node, "reset", "reset --force --v=2");
            } catch (KubicleException resetFailed) {
                context.progress().detail(resetFailed.getMessage() + "; removing its etcd member from another "
                        + "control plane instead");
            }
        }
        String controlPlane = ControlPlanes.anyRunningExcept(context, node);
        for (EtcdMembers.Member member : EtcdMembers.list(context.commands(), controlPlane)) {
            if (member.of(node, removal.address())) {
                context.progress().detail("removing etcd member " + member.id() + " (" + member.name() + ")");
                EtcdMembers.remove(context.commands(), controlPlane, member);
            }
        }
    }
}
