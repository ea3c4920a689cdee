package dev.kubicle.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Waits for pods to be Ready again after their nodes restarted. Right after a restart the API still shows what the
 * kubelets posted before it: pods Ready at their old addresses. Each pod's Ready condition turns False and then True
 * again once its kubelet has restarted it, so a Ready condition that changed at or after the restart is the pod's
 * new state, and the Endpoints that follow it are the new ones.
 */
final class PodsReadySince {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private PodsReadySince() {
    }

    /** Waits until {@code count} pods matching {@code selector} became Ready at or after {@code since}. */
    static void await(HostKubectl kubectl, String namespace, String selector, int count, Instant since)
            throws InterruptedException {
        String jsonPath = "jsonpath={range .items[*]}{.status.conditions[?(@.type==\"Ready\")].status} "
                + "{.status.conditions[?(@.type==\"Ready\")].lastTransitionTime}{\"\\n\"}{end}";
        // The API keeps whole seconds: a transition in the second of the restart counts.
        Instant from = since.minusSeconds(1);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            HostKubectl.Result pods = kubectl.run("get", "pods", "-n", namespace, "-l", selector, "-o", jsonPath);
            List<String[]> fresh = pods.ok() ? pods.out().lines().map(line -> line.split(" "))
                    .filter(fields -> fields.length == 2 && fields[0].equals("True")
                            && !Instant.parse(fields[1]).isBefore(from)).toList() : List.of();
            if (fresh.size() >= count) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(count + " pods " + selector + " in " + namespace + " not Ready since "
                        + since + " after " + TIMEOUT + ": " + pods);
            }
            Thread.sleep(500);
        }
    }
}
