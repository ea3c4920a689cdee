package dev.kubicle.bench.run;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ToolUnderTestTest {
    private static final ToolUnderTest KIND = ToolUnderTest.kind(Path.of("/bin/kind"), "kubicle/node:v1.37.2");
    private static final ToolUnderTest KUBICLE = ToolUnderTest.kubicle(Path.of("/w/bin/kubicle"), "kubicle/node:v1");
    private static final List<NodeContainer> NODES = List.of(
            new NodeContainer("1", "c-control-plane", "control-plane", true),
            new NodeContainer("2", "c-worker", "worker", true),
            new NodeContainer("3", "c-worker2", "worker", true));

    @Test
    void kindsClusterIsStoppedAndStartedThroughTheEngineControlPlaneFirst() {
        List<NodeContainer> workersFirst = List.of(NODES.get(2), NODES.get(1), NODES.get(0));

        assertThat(KIND.stop("c", workersFirst)).containsExactly("docker", "stop", "c-worker2", "c-worker",
                "c-control-plane");
        assertThat(KIND.start("c", workersFirst)).containsExactly("docker", "start", "c-control-plane", "c-worker",
                "c-worker2");
    }

    @Test
    void kubicleStopsStartsAndChangesNodesWithItsOwnCommands() {
        assertThat(KUBICLE.stop("c", NODES)).containsExactly("/w/bin/kubicle", "stop", "cluster", "--name", "c");
        assertThat(KUBICLE.start("c", NODES)).containsExactly("/w/bin/kubicle", "start", "cluster", "--name", "c");
        assertThat(KUBICLE.createNode("c")).containsExactly("/w/bin/kubicle", "create", "node", "--name", "c");
        assertThat(KUBICLE.deleteNode("c", "c-worker3"))
                .containsExactly("/w/bin/kubicle", "delete", "node", "c-worker3", "--name", "c");
    }

    @Test
    void everyCommandOfACycleSharesItsKubeconfig() {
        assertThat(KIND.environment(Path.of("/work/k"))).containsEntry("KUBECONFIG", "/work/k")
                .containsEntry("KIND_EXPERIMENTAL_DOCKER_NETWORK", ToolUnderTest.KIND_NETWORK);
    }
}
