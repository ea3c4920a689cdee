package dev.kubicle.cluster.internal.create;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.cluster.NodePlan;
import dev.kubicle.cluster.internal.Action;
import dev.kubicle.cluster.internal.ActionContext;
import dev.kubicle.cluster.internal.NodeCommands;
import dev.kubicle.provider.ExecResult;

import java.time.Duration;

/**
 * Waits until systemd in every node has finished booting and containerd answers. The wait runs as one loop inside
 * each node rather than as many round trips through the engine, which keeps it quick and cheap.
 */
public final class WaitForNodesBootedAction implements Action<ActionContext> {
    private final Duration timeout;

    public WaitForNodesBootedAction(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public String title() {
        return "Starting systemd and containerd 🐳";
    }

    @Override
    public void execute(ActionContext context) throws InterruptedException {
        context.parallel().forEach(context.plan().nodes(), node -> awaitBoot(context, node));
    }

    private void awaitBoot(ActionContext context, NodePlan node) {
        awaitBoot(context.commands(), node.name(), timeout, "or retry with --retain to look inside");
    }

    /** Waits for one node's boot, failing with what the node says and {@code advice} after the node's log. */
    public static void awaitBoot(NodeCommands commands, String node, Duration timeout, String advice) {
        ExecResult result = commands.attempt(node, "sh", "-c", bootCheckScript(timeout));
        if (!result.ok()) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE,
                    "node " + node + " did not finish booting within " + timeout.toSeconds()
                            + "s; see 'docker logs " + node + "', " + advice,
                    (result.stdout() + result.stderr()).strip(), null);
        }
    }

    /**
     * "degraded" counts as booted: a unit that failed in a container (a timer, say) must not fail the cluster, and
     * the state is printed so that -v shows it.
     */
    static String bootCheckScript(Duration timeout) {
        long tenths = Math.max(1, timeout.toMillis() / 100);
        return "i=0; while [ $i -lt " + tenths + " ]; do "
                + "s=$(systemctl is-system-running 2>/dev/null); "
                + "case \"$s\" in running|degraded) ctr version >/dev/null 2>&1 && { echo \"$s\"; exit 0; };; esac; "
                + "i=$((i+1)); sleep 0.1; done; "
                + "echo \"systemd: $s\"; systemctl --failed --no-legend 2>&1; exit 1";
    }
}
