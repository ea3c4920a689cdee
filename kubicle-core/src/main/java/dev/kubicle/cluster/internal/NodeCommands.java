package dev.kubicle.cluster.internal;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.progress.Progress;
import dev.kubicle.provider.ExecRequest;
import dev.kubicle.provider.ExecResult;
import dev.kubicle.provider.Provider;

import java.nio.charset.StandardCharsets;

/**
 * The one way kubicle runs a command in a node: shown with -v, and on failure turned into an error that carries
 * the command's output, so that every failure reads the same.
 */
public final class NodeCommands {
    private final Provider provider;
    private final Progress progress;

    public NodeCommands(Provider provider, Progress progress) {
        this.provider = provider;
        this.progress = progress;
    }

    /** Runs the command and returns its standard output; fails unless it exits 0. */
    public String run(String node, String... command) {
        return check(node, request(node, ExecRequest.of(command))).stdout();
    }

    /** Runs the command with the given standard input; fails unless it exits 0. */
    public String runWithInput(String node, String input, String... command) {
        ExecRequest request = ExecRequest.of(command).withStdin(input.getBytes(StandardCharsets.UTF_8));
        return check(node, request(node, request)).stdout();
    }

    /** Runs the command and returns how it ended, whatever its exit code. */
    public ExecResult attempt(String node, String... command) {
        return request(node, ExecRequest.of(command));
    }

    private ExecResult request(String node, ExecRequest request) {
        progress.detail("[" + node + "] " + String.join(" ", request.command()));
        return provider.exec(node, request);
    }

    private static ExecResult check(String node, ExecResult result) {
        if (!result.ok()) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE,
                    "a command failed on node " + node + " with exit code " + result.exitCode(),
                    (result.stdout() + result.stderr()).strip(), null);
        }
        return result;
    }
}
