package dev.kubicle.cluster.internal.lifecycle;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.cluster.internal.Action;
import dev.kubicle.cluster.internal.create.WaitForNodesReadyAction;
import dev.kubicle.cluster.internal.kubeadm.Kubectl;
import dev.kubicle.provider.ExecResult;
import dev.kubicle.provider.NodeInfo;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * Waits until the API server answers and reaches every node's kubelet, and every node is Ready. A Node object keeps
 * saying Ready for a while after its kubelet stopped, so the Ready condition alone would pass on a cluster that is
 * still starting: each kubelet's health is asked through the API server (the path {@code kubectl logs} and
 * {@code exec} take), which also proves that the API server finds each node at its address.
 */
public final class WaitForKubeletsAction implements Action<LifecycleContext> {
    private final Deadline deadline;
    private final Predicate<String> waitsFor;

    /** @param deadline shared with the steps before it that wait too, such as {@link WaitForApiServerAction} */
    WaitForKubeletsAction(Deadline deadline) {
        this(deadline, node -> true);
    }

    private WaitForKubeletsAction(Deadline deadline, Predicate<String> waitsFor) {
        this.deadline = deadline;
        this.waitsFor = waitsFor;
    }

    /** Waits for one node only, such as one just added to a running cluster whose other nodes may be stopped. */
    public static WaitForKubeletsAction of(String node, Duration timeout) {
        return new WaitForKubeletsAction(new Deadline(timeout), node::equals);
    }

    @Override
    public String title() {
        return "Waiting ≤ " + WaitForNodesReadyAction.format(deadline.limit()) + " for nodes = Ready ⏳";
    }

    @Override
    public void execute(LifecycleContext context) {
        List<NodeInfo> nodes = LifecycleContext.kubernetesNodes(context.containers()).stream()
                .filter(node -> waitsFor.test(node.name())).toList();
        String controlPlane = ControlPlanes.anyRunning(context);
        ExecResult result = context.commands().attempt(controlPlane, "sh", "-c",
                script(nodes.stream().map(NodeInfo::name).toList(), deadline.left()));
        requireReady(context, deadline, result);
    }

    /** Fails the start (or add) in one line when a wait of its script ran out. */
    static void requireReady(LifecycleContext context, Deadline deadline, ExecResult result) {
        if (!result.ok()) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE, "cluster \"" + context.cluster() + "\" was not "
                    + "Ready within " + WaitForNodesReadyAction.format(deadline.limit()) + "; give it more time with "
                    + "--wait, or look with 'kubicle export logs --name " + context.cluster() + "'",
                    (result.stdout() + result.stderr()).strip(), null);
        }
    }

    static String script(List<String> nodes, Duration timeout) {
        String kubectl = String.join(" ", Kubectl.command());
        return WaitForApiServerAction.script(kubectl, timeout)
                + "for n in " + String.join(" ", nodes) + "; do "
                + "until " + kubectl + " get --raw /api/v1/nodes/$n/proxy/healthz >/dev/null 2>&1; do "
                + "late && { echo \"the kubelet of $n did not answer through the API server\"; exit 1; }; "
                + "sleep 0.2; done; done; "
                + "left=$(( end - $(date +%s) )); [ $left -gt 0 ] || left=1; "
                + kubectl + " wait --for=condition=Ready nodes " + String.join(" ", nodes) + " --timeout=${left}s";
    }
}
