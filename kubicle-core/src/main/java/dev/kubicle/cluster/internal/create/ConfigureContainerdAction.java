package dev.kubicle.cluster.internal.create;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.cluster.internal.Action;
import dev.kubicle.cluster.internal.ActionContext;
import dev.kubicle.config.Cluster;
import dev.kubicle.containerd.ContainerdConfigPatches;
import dev.kubicle.provider.ExecResult;

import java.nio.charset.StandardCharsets;

/**
 * Applies the cluster config's containerd patches in every Kubernetes node and restarts containerd, before kubeadm
 * starts anything that the restart would disturb. The patches are parsed when the action is made, so that a bad
 * patch fails the create before any container exists.
 */
public final class ConfigureContainerdAction implements Action<ActionContext> {
    /** A restart takes well under a second; the margin is for a loaded machine. */
    private static final int RESTART_SECONDS = 30;

    private final ContainerdConfigPatches patches;

    public ConfigureContainerdAction(Cluster config) {
        this.patches = ContainerdConfigPatches.of(config);
    }

    /** Whether the config has any containerd patch; without one containerd is left as it is, unrestarted. */
    public boolean hasWork() {
        return !patches.isEmpty();
    }

    @Override
    public String title() {
        return "Configuring containerd 🔧";
    }

    @Override
    public void execute(ActionContext context) throws InterruptedException {
        context.parallel().forEach(context.plan().nodes(), node -> configure(context, node.name()));
    }

    private void configure(ActionContext context, String node) {
        String config = context.commands().run(node, "cat", ContainerdConfigPatches.PATH);
        String patched = patches.applyTo(config, node);
        context.provider().writeFile(node, ContainerdConfigPatches.PATH, patched.getBytes(StandardCharsets.UTF_8),
                0644);
        ExecResult restart = context.commands().attempt(node, "sh", "-c", restartScript());
        if (!restart.ok()) {
            throw new KubicleException(ExitCode.INVALID_INPUT, "containerd on node " + node
                    + " did not restart with the patched config; fix containerdConfigPatches or"
                    + " containerdConfigPatchesJSON6902 (containerd's log is above)",
                    (restart.stdout() + restart.stderr()).strip(), null);
        }
    }

    /** containerd's unit is Type=notify, but the wait for ctr makes sure its socket answers before kubeadm asks. */
    private static String restartScript() {
        String journal = "journalctl -u containerd -n 20 --no-pager 2>&1; exit 1";
        return "systemctl restart containerd || { " + journal + "; }; "
                + "i=0; while [ $i -lt " + RESTART_SECONDS * 10 + " ]; do "
                + "ctr version >/dev/null 2>&1 && exit 0; i=$((i+1)); sleep 0.1; done; " + journal;
    }
}
