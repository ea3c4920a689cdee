package dev.kubicle.bench.run;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses {@code kubectl get nodes --no-headers -o custom-columns=NAME:.metadata.name,READY:<Ready condition status>}:
 * one line per node, its name and {@code True}, {@code False}, {@code Unknown} or {@code <none>}.
 */
final class NodeReadiness {
    private NodeReadiness() {
    }

    static Map<String, Boolean> parse(String output) {
        Map<String, Boolean> nodes = new LinkedHashMap<>();
        output.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(line -> {
            String[] fields = line.split("\\s+");
            nodes.put(fields[0], fields.length > 1 && fields[1].equals("True"));
        });
        return nodes;
    }

    /** Whether exactly the expected number of nodes are registered and every one of them is Ready. */
    static boolean allReady(String output, int expectedNodes) {
        Map<String, Boolean> nodes = parse(output);
        return nodes.size() == expectedNodes && nodes.values().stream().allMatch(Boolean::booleanValue);
    }
}
