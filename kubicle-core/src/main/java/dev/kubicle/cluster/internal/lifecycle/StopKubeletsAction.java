package dev.kubicle.cluster.internal.lifecycle;

import dev.kubicle.cluster.NodeRole;
import dev.kubicle.cluster.internal.Action;
import dev.kubicle.provider.NodeInfo;

import java.util.List;

/**
 * Stops every kubelet before any container stops, workers first: a kubelet that outlives its control plane spends
 * the shutdown retrying the API server, and one stopped while runc changes a pod's cgroup can leave it frozen (see
 * ClusterDeleter). The pods themselves stop with their node's containerd.
 */
final class StopKubeletsAction implements Action<LifecycleContext> {

    @Override
    public String title() {
        return "Stopping kubelets 🛑";
    }

    @Override
    public void execute(LifecycleContext context) throws InterruptedException {
        List<NodeInfo> running = context.containers().stream().filter(NodeInfo::running).toList();
        for (NodeRole role : List.of(NodeRole.WORKER, NodeRole.CONTROL_PLANE)) {
            context.parallel().forEach(LifecycleContext.withRole(running, role), node -> context.commands()
                    .attempt(node.name(), "sh", "-c", "timeout 30 systemctl stop kubelet; true"));
        }
    }
}
