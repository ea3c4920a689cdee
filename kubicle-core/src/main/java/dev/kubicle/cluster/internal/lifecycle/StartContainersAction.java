package dev.kubicle.cluster.internal.lifecycle;

import dev.kubicle.cluster.NodeRole;
import dev.kubicle.cluster.internal.Action;
import dev.kubicle.provider.NodeInfo;

import java.util.List;

/**
 * Starts the containers in a safe order: every control plane at once (etcd needs a quorum of its members before
 * any API server answers), then the load balancer in front of them, then the workers. Running ones are left alone.
 */
final class StartContainersAction implements Action<LifecycleContext> {

    @Override
    public String title() {
        return "Starting nodes ▶️";
    }

    @Override
    public void execute(LifecycleContext context) throws InterruptedException {
        List<NodeInfo> stopped = context.containers().stream().filter(node -> !node.running()).toList();
        for (NodeRole role : List.of(NodeRole.CONTROL_PLANE, NodeRole.LOAD_BALANCER, NodeRole.WORKER)) {
            context.parallel().forEach(LifecycleContext.withRole(stopped, role),
                    node -> context.provider().startNode(node.name()));
        }
    }
}
