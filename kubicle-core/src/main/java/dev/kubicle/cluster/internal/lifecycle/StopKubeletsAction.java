package dev.kubicle.cluster.internal.lifecycle;

import dev.kubicle.cluster.NodeRole;
import dev.kubicle.cluster.internal.Action;
import dev.kubicle.provider.NodeInfo;

import java.util.List;

/**
 * Stops every kubelet before any container stops, workers first: a kubelet that outlives its control plane spends
 * the shutdown retrying the API server, and one stopped while runc changes a pod's cgroup can leave it frozen (see
 * ClusterDeleter). Then the pods' containers are asked to end (SIGTERM), and killed after a short grace: left to the
 * node's shutdown, processes that ignore SIGTERM (a pod's pause process, any PID 1 without a handler) held every node
 * until the engine killed it ten seconds later.
 */
final class StopKubeletsAction implements Action<LifecycleContext> {

    static final String STOP_KUBELET_AND_PODS = "timeout 30 systemctl stop kubelet; "
            + "running() { ctr -n k8s.io tasks ls 2>/dev/null | awk 'NR > 1 && $3 == \"RUNNING\" { print $1 }'; }; "
            + "for t in $(running); do ctr -n k8s.io tasks kill \"$t\" >/dev/null 2>&1; done; "
            + "i=0; while [ $i -lt 20 ] && [ -n \"$(running)\" ]; do sleep 0.1; i=$((i+1)); done; "
            + "for t in $(running); do ctr -n k8s.io tasks kill -s SIGKILL \"$t\" >/dev/null 2>&1; done; true";

    @Override
    public String title() {
        return "Stopping kubelets 🛑";
    }

    @Override
    public void execute(LifecycleContext context) throws InterruptedException {
        List<NodeInfo> running = context.containers().stream().filter(NodeInfo::running).toList();
        for (NodeRole role : List.of(NodeRole.WORKER, NodeRole.CONTROL_PLANE)) {
            context.parallel().forEach(LifecycleContext.withRole(running, role), node -> context.commands()
                    .attempt(node.name(), "sh", "-c", STOP_KUBELET_AND_PODS));
        }
    }
}
