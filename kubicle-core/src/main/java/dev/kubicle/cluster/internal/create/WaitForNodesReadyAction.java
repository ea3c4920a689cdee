package dev.kubicle.cluster.internal.create;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.cluster.internal.Action;
import dev.kubicle.cluster.internal.ActionContext;
import dev.kubicle.cluster.internal.kubeadm.Kubectl;
import dev.kubicle.provider.ExecResult;

import java.time.Duration;

/** Waits until every node reports Ready, which needs the CNI running on it. */
public final class WaitForNodesReadyAction implements Action {
    private final Duration timeout;

    public WaitForNodesReadyAction(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public String title() {
        return "Waiting ≤ " + format(timeout) + " for nodes = Ready ⏳";
    }

    @Override
    public void execute(ActionContext context) {
        String node = context.plan().bootstrapControlPlane().name();
        ExecResult result = context.commands().attempt(node, Kubectl.command("wait", "--for=condition=Ready",
                "nodes", "--all", "--timeout=" + timeout.toSeconds() + "s"));
        if (!result.ok()) {
            String nodes = context.commands().attempt(node, Kubectl.command("get", "nodes", "-o", "wide")).stdout();
            throw new KubicleException(ExitCode.UNEXPECTED_STATE, "not every node was Ready within "
                    + format(timeout) + "; give more time with --wait, or look with --retain and "
                    + "'kubicle export logs'", (result.stderr() + "\n" + nodes).strip(), null);
        }
    }

    /** kind's spelling of durations: 5m0s, 30s. */
    static String format(Duration duration) {
        long minutes = duration.toMinutes();
        long seconds = duration.toSecondsPart();
        return minutes == 0 ? seconds + "s" : minutes + "m" + seconds + "s";
    }
}
