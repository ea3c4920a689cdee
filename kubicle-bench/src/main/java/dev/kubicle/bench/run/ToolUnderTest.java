package dev.kubicle.bench.run;

import dev.kubicle.bench.results.Tool;

import java.nio.file.Path;
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
 */
public record ToolUnderTest(Tool tool, Path executable, String image, Map<String, String> environment,
                            String clusterLabel, String roleLabel) {
    /** The prefix of every cluster the harness makes; clean-up removes exactly these. */
    public static final String CLUSTER_PREFIX = "bench-";
    /**
     * kind puts every cluster on one network, "kind" unless told otherwise; the bench's own name keeps it apart
     * from anyone else's kind clusters on the engine and lets clean-up remove it.
     */
    public static final String KIND_NETWORK = "bench-kind";

    public static ToolUnderTest kind(Path binary, String image) {
        return new ToolUnderTest(Tool.KIND, binary, image, Map.of("KIND_EXPERIMENTAL_DOCKER_NETWORK", KIND_NETWORK),
                "io.x-k8s.kind.cluster", "io.x-k8s.kind.role");
    }

    public static ToolUnderTest kubicle(Path launcher, String image) {
        return new ToolUnderTest(Tool.KUBICLE, launcher, image, Map.of(), "dev.kubicle.cluster", "dev.kubicle.role");
    }

    /** The name of the harness's cluster of this tool with that many nodes. */
    public String clusterName(int nodes) {
        return clusterPrefix() + nodes;
    }

    /** The prefix of every cluster of this tool the harness makes. */
    public String clusterPrefix() {
        return CLUSTER_PREFIX + tool.id() + "-";
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

    public List<String> version() {
        return List.of(executable.toString(), "version");
    }
}
