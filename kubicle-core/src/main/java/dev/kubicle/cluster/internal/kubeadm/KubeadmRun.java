package dev.kubicle.cluster.internal.kubeadm;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.cluster.internal.NodeCommands;
import dev.kubicle.progress.Progress;
import dev.kubicle.provider.ExecResult;

import java.util.List;

/**
 * Runs a kubeadm command in a node, keeping its output in /kind (where {@code export logs} finds it) and showing it
 * with -v. A failure carries the end of the output, which is where kubeadm says what went wrong.
 */
public final class KubeadmRun {
    private static final int OUTPUT_LINES_IN_ERROR = 25;

    private KubeadmRun() {
    }

    /** @param phase "init" or "join", which names the log file */
    public static void run(NodeCommands commands, Progress progress, String node, String phase, String arguments) {
        String log = "/kind/kubeadm-" + phase + ".log";
        String script = "kubeadm " + arguments + " >" + log + " 2>&1; status=$?; cat " + log + "; exit $status";
        ExecResult result = commands.attempt(node, "sh", "-c", script);
        String output = (result.stdout() + result.stderr()).strip();
        output.lines().forEach(progress::detail);
        if (!result.ok()) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE, "kubeadm " + phase + " failed on node " + node
                    + " (exit code " + result.exitCode() + "); its output is in " + log + " there; retry with "
                    + "--retain to look inside", tail(output), null);
        }
    }

    /**
     * {@code kubeadm join} with the config written at {@code config}. Preflight checks are skipped as kind does: they
     * test a machine, and a node container fails several on purpose.
     */
    public static void join(NodeCommands commands, Progress progress, String node, String config) {
        run(commands, progress, node, "join", "join --skip-phases=preflight --config=" + config + " --v=2");
    }

    static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - OUTPUT_LINES_IN_ERROR), lines.size()));
    }
}
