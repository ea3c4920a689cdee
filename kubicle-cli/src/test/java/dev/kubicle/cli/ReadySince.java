package dev.kubicle.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Waits for pods or nodes to be Ready again after a restart. Right after one the API still shows what was posted
 * before it: pods Ready at their old addresses, nodes Ready although their kubelets are down. So only a Ready
 * condition whose time is at or after the restart counts: for a pod the time its Ready condition last changed (it
 * turns False and then True again once its kubelet has restarted it, and the Endpoints that follow are the new
 * ones); for a node the kubelet's last heartbeat (a quick restart need not change the condition at all).
 */
final class ReadySince {
    private static final Duration POD_TIMEOUT = Duration.ofMinutes(2);

    private ReadySince() {
    }

    /** Waits until {@code count} pods matching {@code selector} became Ready at or after {@code since}. */
    static void pods(HostKubectl kubectl, String namespace, String selector, int count, Instant since)
            throws InterruptedException {
        await(kubectl, List.of("get", "pods", "-n", namespace, "-l", selector), "lastTransitionTime", count, since,
                POD_TIMEOUT, () -> count + " pods " + selector + " in " + namespace);
    }

    /** Waits until {@code count} nodes are Ready by a heartbeat at or after {@code since}. */
    static void nodes(HostKubectl kubectl, int count, Instant since, Duration timeout, Supplier<String> context)
            throws InterruptedException {
        await(kubectl, List.of("get", "nodes"), "lastHeartbeatTime", count, since, timeout,
                () -> count + " nodes\n" + context.get());
    }

    private static void await(HostKubectl kubectl, List<String> get, String timeField, int count, Instant since,
                              Duration timeout, Supplier<String> what) throws InterruptedException {
        List<String> command = new ArrayList<>(get);
        command.addAll(List.of("-o", "jsonpath={range .items[*]}{.status.conditions[?(@.type==\"Ready\")].status} "
                + "{.status.conditions[?(@.type==\"Ready\")]." + timeField + "}{\"\\n\"}{end}"));
        // The API keeps whole seconds: a time in the second of the restart counts.
        Instant from = since.minusSeconds(1);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            HostKubectl.Result listed = kubectl.run(command.toArray(String[]::new));
            long fresh = listed.ok() ? listed.out().lines().map(line -> line.split(" "))
                    .filter(fields -> fields.length == 2 && fields[0].equals("True")
                            && !Instant.parse(fields[1]).isBefore(from)).count() : 0;
            if (fresh >= count) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not Ready since " + since + " after " + timeout + ": " + what.get()
                        + "\n" + listed);
            }
            Thread.sleep(500);
        }
    }
}
