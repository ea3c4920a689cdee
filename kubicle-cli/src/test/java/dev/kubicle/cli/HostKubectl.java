package dev.kubicle.cli;

import dev.kubicle.config.ConfigDefaults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * kubectl on the host, talking to a cluster through a kubeconfig file, as a user would: the binary the node image
 * build made from source, so the tests need no download and match the cluster's version.
 */
record HostKubectl(Path binary, Path kubeconfig) {
    /** Long enough for a rollout or wait that carries its own --timeout; a hung exec ends here. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(180);

    /** The kubectl of kubicle's cache ({@code $XDG_CACHE_HOME/kubicle}, else ~/.cache/kubicle), as the build put it. */
    static HostKubectl using(Path kubeconfig) {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg == null || xdg.isBlank() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(xdg);
        Path binary = cache.resolve(Path.of("kubicle", "components", ConfigDefaults.DEFAULT_KUBERNETES_VERSION,
                "bin", "kubectl"));
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
        try {
            Path out = Files.createTempFile("kubectl", ".out");
            Path err = Files.createTempFile("kubectl", ".err");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
                        .redirectError(err.toFile());
                if (stdin == null) {
                    builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
                }
                Process process = builder.start();
                if (stdin != null) {
                    try (var input = process.getOutputStream()) {
                        input.write(stdin.getBytes(StandardCharsets.UTF_8));
                    }
                }
                if (!process.waitFor(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                    return new Result(-1, Files.readString(out), Files.readString(err) + "(killed after "
                            + CALL_TIMEOUT + ")\n");
                }
                return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running kubectl", e);
        }
    }
}
