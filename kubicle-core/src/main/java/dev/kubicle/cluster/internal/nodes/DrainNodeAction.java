package dev.kubicle.cluster.internal.nodes;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.cluster.internal.Action;
import dev.kubicle.cluster.internal.kubeadm.Kubectl;
import dev.kubicle.cluster.internal.lifecycle.ControlPlanes;
import dev.kubicle.cluster.internal.lifecycle.LifecycleContext;
import dev.kubicle.provider.ExecResult;

/**
 * Moves the node's pods elsewhere before it goes, so that the workload keeps being served: kubectl drain cordons the
 * node and evicts its pods, honouring their disruption budgets. DaemonSet pods stay (they go with the node), and pods
 * of no controller and emptyDir data go too, as nothing else would take them. A node that is not running serves
 * nothing to move.
 */
final class DrainNodeAction implements Action<LifecycleContext> {
    private static final String TIMEOUT = "60s";

    private final NodeRemoval removal;

    DrainNodeAction(NodeRemoval removal) {
        this.removal = removal;
    }

    @Override
    public String title() {
        return "Draining node 🚧";
    }

    @Override
    public void execute(LifecycleContext context) {
        String node = removal.name();
        if (!removal.running()) {
            context.progress().detail(node + " is not running: there is nothing on it to move");
            return;
        }
        String controlPlane = ControlPlanes.anyRunningExcept(context, node);
        if (!context.commands().attempt(controlPlane, Kubectl.command("get", "node", node)).ok()) {
            context.progress().detail(node + " has no Node object: it never joined");
            return;
        }
        ExecResult drain = context.commands().attempt(controlPlane, Kubectl.command("drain", node,
                "--ignore-daemonsets", "--delete-emptydir-data", "--force", "--timeout=" + TIMEOUT));
        if (!drain.ok()) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE, "node " + node + " could not be drained within "
                    + TIMEOUT + " (a PodDisruptionBudget may hold its pods); it stays in the cluster, cordoned: run "
                    + "the delete again, or 'kubectl uncordon " + node + "' to keep it",
                    (drain.stdout() + drain.stderr()).strip(), null);
        }
    }
}
