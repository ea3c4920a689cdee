package dev.kubicle.bench.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The one definition of Ready for both tools: poll {@code kubectl get nodes} with the kubeconfig the tool wrote
 * until every node of the cluster reports the Ready condition True.
 */
public final class ReadinessWaiter {
    private static final String COLUMNS =
            "custom-columns=NAME:.metadata.name,READY:.status.conditions[?(@.type==\"Ready\")].status";
    private static final Duration KUBECTL_TIMEOUT = Duration.ofSeconds(20);

    private final CommandRunner runner;
    private final String kubectl;
    private final Duration interval;
    private final Duration timeout;

    public ReadinessWaiter(CommandRunner runner, String kubectl, Duration interval, Duration timeout) {
        this.runner = runner;
        this.kubectl = kubectl;
        this.interval = interval;
        this.timeout = timeout;
    }

    /**
     * @param startNanos the origin of the returned time, the {@link System#nanoTime()} the create started at
     * @return seconds from {@code startNanos} until all nodes were seen Ready
     * @throws BenchFailure when they are not Ready within the timeout, with kubectl's last answer
     */
    public double await(Path kubeconfig, int nodes, long startNanos) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastAnswer = "kubectl never ran";
        while (true) {
            CommandResult result = runner.run(List.of(kubectl, "--kubeconfig", kubeconfig.toString(),
                    "--request-timeout=5s", "get", "nodes", "--no-headers", "-o", COLUMNS), Map.of(), KUBECTL_TIMEOUT);
            long now = System.nanoTime();
            if (result.ok() && NodeReadiness.allReady(result.stdout(), nodes)) {
                return (now - startNanos) / 1e9;
            }
            lastAnswer = result.ok() ? result.stdout().strip() : result.failure();
            if (now >= deadline) {
                throw new BenchFailure("not all " + nodes + " nodes Ready within " + timeout.toSeconds()
                        + " s after create returned; kubectl's last answer: " + lastAnswer);
            }
            sleep(interval);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted");
        }
    }
}
