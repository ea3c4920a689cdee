package dev.kubicle.cluster.internal.lifecycle;

import dev.kubicle.cluster.internal.Action;
import dev.kubicle.cluster.internal.create.WaitForNodesReadyAction;
import dev.kubicle.cluster.internal.kubeadm.Kubectl;

import java.time.Duration;

/**
 * Waits until the API server answers, which is all that routing pods between the nodes needs (their Node objects
 * keep their pod CIDRs and addresses): start routes them while the kubelets come back, not after.
 */
final class WaitForApiServerAction implements Action<LifecycleContext> {
    private final Deadline deadline;

    /** @param deadline shared with the waits after it */
    WaitForApiServerAction(Deadline deadline) {
        this.deadline = deadline;
    }

    @Override
    public String title() {
        return "Waiting ≤ " + WaitForNodesReadyAction.format(deadline.limit()) + " for the API server ⏳";
    }

    @Override
    public void execute(LifecycleContext context) {
        String kubectl = String.join(" ", Kubectl.command());
        WaitForKubeletsAction.requireReady(context, deadline, context.commands().attempt(
                ControlPlanes.anyRunning(context), "sh", "-c", script(kubectl, deadline.left())));
    }

    /** A shell script that waits up to {@code timeout} for the API server; what follows it may wait on to $end. */
    static String script(String kubectl, Duration timeout) {
        return "end=$(( $(date +%s) + " + Math.max(1, timeout.toSeconds()) + " )); "
                + "late() { [ $(date +%s) -ge $end ]; }; "
                + "until " + kubectl + " get --raw /readyz >/dev/null 2>&1; do "
                + "late && { echo 'the API server did not become ready'; exit 1; }; sleep 0.2; done; ";
    }
}
