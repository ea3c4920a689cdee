package dev.kubicle.cluster.internal.ops;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.cluster.Labels;
import dev.kubicle.provider.NodeInfo;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodeSelectionTest {
    private final List<NodeInfo> nodes = List.of(node("dev-control-plane", "control-plane"),
            node("dev-worker", "worker"), node("dev-worker2", "worker"));

    @Test
    void noNamesMeansEveryNode() {
        assertThat(NodeSelection.pick(nodes, List.of(), "dev")).isEqualTo(nodes);
    }

    @Test
    void picksTheNamedNodesInTheClustersOrder() {
        assertThat(NodeSelection.pick(nodes, List.of("dev-worker2", "dev-control-plane"), "dev"))
                .extracting(NodeInfo::name).containsExactly("dev-control-plane", "dev-worker2");
    }

    @Test
    void unknownNamesAreAnInputErrorThatListsTheClustersNodes() {
        assertThatThrownBy(() -> NodeSelection.pick(nodes, List.of("dev-worker", "dev-wroker", "x"), "dev"))
                .isInstanceOf(KubicleException.class)
                .hasMessage("nodes dev-wroker, x are not in cluster \"dev\"; its nodes are dev-control-plane, "
                        + "dev-worker, dev-worker2")
                .satisfies(e -> assertThat(((KubicleException) e).exitCode()).isEqualTo(ExitCode.INVALID_INPUT));
    }

    @Test
    void theLoadBalancerIsNoKubernetesNode() {
        assertThat(NodeSelection.isKubernetesNode(node("dev-external-load-balancer", "external-load-balancer")))
                .isFalse();
        assertThat(NodeSelection.isKubernetesNode(nodes.get(1))).isTrue();
    }

    private static NodeInfo node(String name, String role) {
        return new NodeInfo(name, name, "kubicle/node:test", "running", "", "",
                Map.of(Labels.CLUSTER, "dev", Labels.ROLE, role), List.of());
    }
}
