package dev.kubicle.cli;

import dev.kubicle.config.ConfigDefaults;
import dev.kubicle.internal.KubicleCache;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * kubectl on the host, talking to a cluster through a kubeconfig file, as a user would: the binary the node image
 * build made from source, so the tests need no download and match the cluster's version.
 */
record HostKubectl(Path binary, Path kubeconfig) {
    /** Long enough for a rollout or wait that carries its own --timeout; a hung exec ends here. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(180);

    /** The kubectl of kubicle's cache ({@code $XDG_CACHE_HOME/kubicle}, else ~/.cache/kubicle), as the build put it. */
    static HostKubectl using(Path kubeconfig) {
        Path binary = KubicleCache.directory().resolve(Path.of("components",
                ConfigDefaults.DEFAULT_KUBERNETES_VERSION, "bin", "kubectl"));
        if (!Files.isExecutable(binary)) {
            throw new AssertionError("no kubectl at " + binary + ": creating a cluster builds the node image, and "
                    + "with it this binary; was the node image built on another machine?");
        }
        return new HostKubectl(binary, kubeconfig);
    }

    record Result(int exitCode, String out, String err) {
        boolean ok() {
            return exitCode == 0;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    Result run(String... args) {
        return runWithInput(null, List.of(args));
    }

    /** Runs kubectl and fails the test unless it succeeds; returns its standard output. */
    String ok(String... args) {
        Result result = run(args);
        if (!result.ok()) {
            throw new AssertionError("kubectl " + String.join(" ", args) + " failed: " + result);
        }
        return result.out();
    }

    void apply(String manifests) {
        Result result = runWithInput(manifests, List.of("apply", "-f", "-"));
        if (!result.ok()) {
            throw new AssertionError("kubectl apply failed: " + result + "\n--- manifests\n" + manifests);
        }
    }

    /** Runs kubectl until it succeeds, or fails the test with the last attempt once {@code limit} has passed. */
    String eventually(Duration limit, String... args) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            Result result = run(args);
            if (result.ok()) {
                return result.out();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("kubectl " + String.join(" ", args) + " still failed after " + limit
                        + ": " + result);
            }
            Thread.sleep(500);
        }
    }

    private Result runWithInput(String stdin, List<String> args) {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--kubeconfig", kubeconfig.toString()));
        command.addAll(args);
        ChildProcess.Output output = ChildProcess.run(command, Map.of(), stdin, CALL_TIMEOUT);
        return new Result(output.exitCode(), output.out(), output.err());
    }
}
