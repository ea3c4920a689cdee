package dev.kubicle.bench.run;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Parses {@code kubectl get nodes --no-headers -o custom-columns=NAME:...,READY:...,HEARTBEAT:...}: one line per
 * node, its name, the status of its Ready condition ({@code True}, {@code False}, {@code Unknown} or {@code <none>})
 * and that condition's lastHeartbeatTime, which the kubelet sets on every status it posts.
 */
final class NodeReadiness {

    /** One node as the API server shows it; {@code heartbeat} is {@link Instant#MIN} when it has none. */
    record Node(String name, boolean ready, Instant heartbeat) {
    }

    private NodeReadiness() {
    }

    static List<Node> parse(String output) {
        return output.lines().map(String::strip).filter(line -> !line.isEmpty()).map(line -> {
            String[] fields = line.split("\\s+");
            boolean ready = fields.length > 1 && fields[1].equals("True");
            return new Node(fields[0], ready, fields.length > 2 ? instant(fields[2]) : Instant.MIN);
        }).toList();
    }

    /**
     * Whether exactly the expected number of nodes are registered and every one of them is Ready, as its kubelet
     * reported at {@code since} or later.
     */
    static boolean allReady(String output, int expectedNodes, Instant since) {
        List<Node> nodes = parse(output);
        return nodes.size() == expectedNodes
                && nodes.stream().allMatch(node -> node.ready() && !node.heartbeat().isBefore(since));
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return Instant.MIN;
        }
    }
}
