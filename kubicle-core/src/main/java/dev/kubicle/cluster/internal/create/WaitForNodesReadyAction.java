package dev.kubicle.cluster.internal.create;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.cluster.NodePlan;
import dev.kubicle.cluster.internal.Action;
import dev.kubicle.cluster.internal.ActionContext;
import dev.kubicle.cluster.internal.kubeadm.Kubectl;
import dev.kubicle.provider.ExecResult;

import java.time.Duration;
import java.util.List;

/**
 * Waits until every node of the plan is registered and reports Ready, and until the default namespace has its
 * ServiceAccount, without which no pod can be created there ({@code kubectl run} fails with "serviceaccount default
 * not found"). The controller manager makes that account once its controllers run, which can be seconds after
 * nodes whose CNI config was written before their kubelet started are Ready.
 * <p>
 * Without the default CNI ({@code networking.disableDefaultCNI}) no node can be Ready until the user installs a
 * network, so the wait stops at the nodes being registered: otherwise a kind config that turns the CNI off would
 * wait out {@code --wait} (5 minutes by default; kind's default is not to wait) and fail.
 */
public final class WaitForNodesReadyAction implements Action<ActionContext> {
    private final Duration timeout;
    private final boolean untilReady;

    /** @param untilReady false when the cluster has no pod network yet, so that no node can be Ready */
    public WaitForNodesReadyAction(Duration timeout, boolean untilReady) {
        this.timeout = timeout;
        this.untilReady = untilReady;
    }

    @Override
    public String title() {
        return "Waiting ≤ " + format(timeout) + (untilReady ? " for nodes = Ready ⏳"
                : " for nodes to register (no CNI: NotReady until you install one) ⏳");
    }

    @Override
    public void execute(ActionContext context) {
        String node = context.plan().bootstrapControlPlane().name();
        List<String> nodes = context.plan().nodes().stream().map(NodePlan::name).toList();
        ExecResult result = context.commands().attempt(node, "sh", "-c", script(nodes, timeout, untilReady));
        if (!result.ok()) {
            String listing = context.commands().attempt(node, Kubectl.command("get", "nodes", "-o", "wide")).stdout();
            throw new KubicleException(ExitCode.UNEXPECTED_STATE, "not every node was "
                    + (untilReady ? "Ready" : "registered") + " within "
                    + format(timeout) + "; give more time with --wait, or look with --retain and "
                    + "'kubicle export logs'", (result.stdout() + result.stderr() + "\n" + listing).strip(), null);
        }
    }

    /**
     * Waits, within one deadline, first for every node to be registered, then for all of them to be Ready. kubeadm
     * join returns once the kubelet has its credentials, before the kubelet registers its node, and kubectl wait
     * covers only nodes that exist: on its own it may see every node but the last one Ready and be done. The loop
     * runs inside the node, saving a round trip through the engine per try.
     */
    static String script(List<String> nodes, Duration timeout, boolean untilReady) {
        String kubectl = String.join(" ", Kubectl.command());
        String names = String.join(" ", nodes);
        return "end=$(( $(date +%s) + " + Math.max(1, timeout.toSeconds()) + " )); "
                + "until " + kubectl + " get nodes " + names + " >/dev/null 2>&1; do "
                + "if [ $(date +%s) -ge $end ]; then echo 'not every node registered:'; "
                + kubectl + " get nodes -o name; exit 1; fi; sleep 0.5; done; "
                + "left=$(( end - $(date +%s) )); [ $left -gt 0 ] || left=1; "
                + (untilReady
                        ? kubectl + " wait --for=condition=Ready nodes " + names + " --timeout=${left}s || exit 1; "
                        : "")
                + "until " + kubectl + " get serviceaccount default --namespace default >/dev/null 2>&1; do "
                + "if [ $(date +%s) -ge $end ]; then echo 'the default namespace has no ServiceAccount yet'; "
                + "exit 1; fi; sleep 0.2; done";
    }

    /** kind's spelling of durations: 5m0s, 30s. */
    public static String format(Duration duration) {
        long minutes = duration.toMinutes();
        long seconds = duration.toSecondsPart();
        return minutes == 0 ? seconds + "s" : minutes + "m" + seconds + "s";
    }
}
