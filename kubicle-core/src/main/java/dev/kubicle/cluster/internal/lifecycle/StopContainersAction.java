package dev.kubicle.cluster.internal.lifecycle;

import dev.kubicle.cluster.NodeRole;
import dev.kubicle.cluster.internal.Action;
import dev.kubicle.provider.NodeInfo;

import java.util.List;

/**
 * Stops the containers, each one's systemd shutting it down cleanly: workers, then the load balancer, then the
 * control planes, so that etcd and the API server are the last to go. A container stopped this way stays stopped
 * when the engine restarts.
 */
final class StopContainersAction implements Action<LifecycleContext> {

    @Override
    public String title() {
        return "Stopping nodes ⏹️";
    }

    @Override
    public void execute(LifecycleContext context) throws InterruptedException {
        List<NodeInfo> nodes = context.containers();
        for (NodeRole role : List.of(NodeRole.WORKER, NodeRole.LOAD_BALANCER, NodeRole.CONTROL_PLANE)) {
            context.parallel().forEach(LifecycleContext.withRole(nodes, role),
                    node -> context.provider().stopNode(node.name()));
        }
    }
}
