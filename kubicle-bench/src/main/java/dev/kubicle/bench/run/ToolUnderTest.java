package dev.kubicle.bench.run;

import dev.kubicle.bench.results.Tool;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How the harness drives one tool: its command lines, the labels its node containers carry, and its environment.
 *
 * @param executable   the program to run (kind's binary, or kubicle's launcher {@code bin/kubicle})
 * @param image        the node image, given to both tools explicitly
 * @param environment  variables for every command of the tool, besides {@code KUBECONFIG}
 * @param clusterLabel the container label naming a node's cluster
 * @param roleLabel    the container label naming a node's role
 * @param docker       the engine's command line, which kind's users stop and start their clusters with
 */
public record ToolUnderTest(Tool tool, Path executable, String image, Map<String, String> environment,
                            String clusterLabel, String roleLabel, String docker) {
    /** The prefix of every cluster the harness makes; clean-up removes exactly these. */
    public static final String CLUSTER_PREFIX = "bench-";
    /**
     * kind puts every cluster on one network, "kind" unless told otherwise; the bench's own name keeps it apart
     * from anyone else's kind clusters on the engine and lets clean-up remove it.
     */
    public static final String KIND_NETWORK = "bench-kind";

    public static ToolUnderTest kind(Path binary, String image) {
        return new ToolUnderTest(Tool.KIND, binary, image, Map.of("KIND_EXPERIMENTAL_DOCKER_NETWORK", KIND_NETWORK),
                "io.x-k8s.kind.cluster", "io.x-k8s.kind.role", "docker");
    }

    public static ToolUnderTest kubicle(Path launcher, String image) {
        return new ToolUnderTest(Tool.KUBICLE, launcher, image, Map.of(), "dev.kubicle.cluster", "dev.kubicle.role",
                "docker");
    }

    /** The name of the harness's cluster of this tool with that many nodes. */
    public String clusterName(int nodes) {
        return clusterPrefix() + nodes;
    }

    /** The prefix of every cluster of this tool the harness makes. */
    public String clusterPrefix() {
        return CLUSTER_PREFIX + tool.id() + "-";
    }

    /** The tool's environment with {@code KUBECONFIG} naming the file its commands read and write. */
    public Map<String, String> environment(Path kubeconfig) {
        Map<String, String> variables = new HashMap<>(environment);
        variables.put("KUBECONFIG", kubeconfig.toString());
        return variables;
    }

    // kind's --wait stays at its default, 0: whatever a tool waits for by itself, the harness then polls for
    // readiness the same way for both.
    public List<String> create(Path config, String cluster) {
        return List.of(executable.toString(), "create", "cluster", "--config", config.toString(), "--name", cluster,
                "--image", image);
    }

    public List<String> delete(String cluster) {
        return List.of(executable.toString(), "delete", "cluster", "--name", cluster);
    }

    /**
     * Stops a running cluster. kind has no command for it; what its users can do is stop the node containers with
     * the engine, which stops them all at once, each with the image's stop signal (systemd's orderly shutdown).
     */
    public List<String> stop(String cluster, List<NodeContainer> nodes) {
        return switch (tool) {
            case KIND -> withNames(List.of(docker, "stop"), nodes);
            case KUBICLE -> List.of(executable.toString(), "stop", "cluster", "--name", cluster);
        };
    }

    /**
     * Starts a stopped cluster. For kind, the engine starts the node containers one after the other in the order
     * given, control planes first, so that the API server is on its way when the workers' kubelets look for it.
     */
    public List<String> start(String cluster, List<NodeContainer> nodes) {
        return switch (tool) {
            case KIND -> withNames(List.of(docker, "start"), nodes.stream()
                    .sorted(Comparator.comparing((NodeContainer node) -> !node.role().equals("control-plane"))
                            .thenComparing(NodeContainer::name))
                    .toList());
            case KUBICLE -> List.of(executable.toString(), "start", "cluster", "--name", cluster);
        };
    }

    /** kubicle's command; kind has none (see {@code Scenario.CREATE_NODE}). */
    public List<String> createNode(String cluster) {
        return List.of(executable.toString(), "create", "node", "--name", cluster);
    }

    /** kubicle's command; kind has none (see {@code Scenario.DELETE_NODE}). */
    public List<String> deleteNode(String cluster, String node) {
        return List.of(executable.toString(), "delete", "node", node, "--name", cluster);
    }

    /** kubicle's command; kind has none (see {@code Scenario.SAVE_THREE}). */
    public List<String> saveSnapshot(String cluster, String snapshot) {
        return List.of(executable.toString(), "create", "snapshot", snapshot, "--name", cluster);
    }

    /** kubicle's command: brings the snapshot's cluster back (see {@code Scenario.RESTORE_THREE}). */
    public List<String> restoreSnapshot(String snapshot) {
        return List.of(executable.toString(), "restore", "snapshot", snapshot);
    }

    public List<String> deleteSnapshot(String snapshot) {
        return List.of(executable.toString(), "delete", "snapshot", snapshot);
    }

    public List<String> version() {
        return List.of(executable.toString(), "version");
    }

    private static List<String> withNames(List<String> command, List<NodeContainer> nodes) {
        List<String> all = new ArrayList<>(command);
        nodes.forEach(node -> all.add(node.name()));
        return all;
    }
}
