package dev.kubicle.bench.run;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The one definition of Ready for both tools: poll {@code kubectl get nodes} with the kubeconfig the tool wrote
 * until every node of the cluster reports the Ready condition True. After a start that condition is not enough: a
 * Node object keeps saying Ready from before the stop until the node controller's grace period has passed, so a
 * node is Ready again only once its kubelet has reported Ready since the start began.
 */
public final class ReadinessWaiter {
    private static final String READY = ".status.conditions[?(@.type==\"Ready\")]";
    private static final String COLUMNS = "custom-columns=NAME:.metadata.name,READY:" + READY + ".status,"
            + "HEARTBEAT:" + READY + ".lastHeartbeatTime";
    private static final Duration KUBECTL_TIMEOUT = Duration.ofSeconds(20);

    private final CommandRunner runner;
    private final String kubectl;
    private final Duration interval;
    private final Duration timeout;

    /** @param timeout how long nodes made by a create have to be Ready after it returned */
    public ReadinessWaiter(CommandRunner runner, String kubectl, Duration interval, Duration timeout) {
        this.runner = runner;
        this.kubectl = kubectl;
        this.interval = interval;
        this.timeout = timeout;
    }

    /**
     * Waits for the nodes of a cluster that a create just made, or added to: none of them can say Ready from
     * before, so the Ready condition is enough.
     *
     * @param startNanos the origin of the returned time, the {@link System#nanoTime()} the create started at
     * @return seconds from {@code startNanos} until all nodes were seen Ready
     * @throws BenchFailure when they are not Ready within the timeout after the create returned, with kubectl's
     *                      last answer
     */
    public double await(Path kubeconfig, int nodes, long startNanos) {
        return poll(kubeconfig, nodes, startNanos, Instant.MIN, System.nanoTime() + timeout.toNanos(),
                "within " + timeout.toSeconds() + " s after the command returned");
    }

    /**
     * Waits for the nodes of a cluster that a start just started: each must be Ready with a heartbeat (the
     * kubelet's timestamp on its Ready condition, in whole seconds) not before {@code began}. A stale one is older
     * than the stop, which ended before the start began, so it never counts. A kubelet posts its status as soon as
     * it runs again, seconds after the start began (its node has to boot first), so a fresh one counts at once.
     *
     * @param began  when the start command was started, on the clock the kubelets (on this host) use
     * @param within the time the cluster has, from {@code startNanos}, to come back
     * @throws BenchFailure when they are not Ready again in time, with kubectl's last answer
     */
    public double awaitAgain(Path kubeconfig, int nodes, long startNanos, Instant began, Duration within) {
        return poll(kubeconfig, nodes, startNanos, began, startNanos + within.toNanos(),
                "again within " + within.toSeconds() + " s of the start");
    }

    private double poll(Path kubeconfig, int nodes, long startNanos, Instant since, long deadline, String limit) {
        while (true) {
            CommandResult result = runner.run(List.of(kubectl, "--kubeconfig", kubeconfig.toString(),
                    "--request-timeout=5s", "get", "nodes", "--no-headers", "-o", COLUMNS), Map.of(), KUBECTL_TIMEOUT);
            long now = System.nanoTime();
            if (result.ok() && NodeReadiness.allReady(result.stdout(), nodes, since)) {
                return (now - startNanos) / 1e9;
            }
            if (now - deadline >= 0) {
                String lastAnswer = result.ok() ? result.stdout().strip() : result.failure();
                throw new BenchFailure("not all " + nodes + " nodes Ready " + limit + "; kubectl's last answer: "
                        + lastAnswer);
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
