package dev.kubicle.cluster.internal;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.containerd.ContainerdConfigPatches;
import dev.kubicle.provider.ExecResult;
import dev.kubicle.provider.Provider;

import java.nio.charset.StandardCharsets;

/**
 * Patches one node's containerd config and restarts containerd. Create does it before kubeadm starts anything that
 * the restart would disturb; nodes made later (added, or made again from their volume) get the same patches, since
 * their config comes fresh from the image.
 */
public final class ContainerdPatching {
    /** A restart takes well under a second; the margin is for a loaded machine. */
    private static final int RESTART_SECONDS = 30;

    private ContainerdPatching() {
    }

    public static void apply(NodeCommands commands, Provider provider, String node, ContainerdConfigPatches patches) {
        String config = commands.run(node, "cat", ContainerdConfigPatches.PATH);
        String patched = patches.applyTo(config, node);
        provider.writeFile(node, ContainerdConfigPatches.PATH, patched.getBytes(StandardCharsets.UTF_8), 0644);
        ExecResult restart = commands.attempt(node, "sh", "-c", restartScript());
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
