package dev.kubicle.cluster.internal.nodes;

import dev.kubicle.cluster.NodeRole;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NodeNamesTest {

    @Test
    void theFirstNodeOfARoleGetsTheBareNameAndLaterOnesTheNextNumberAsCreateNumbersThem() {
        assertThat(NodeNames.next("dev", NodeRole.WORKER, List.of("dev-control-plane"))).isEqualTo("dev-worker");
        assertThat(NodeNames.next("dev", NodeRole.WORKER, List.of("dev-control-plane", "dev-worker",
                "dev-worker2"))).isEqualTo("dev-worker3");
        assertThat(NodeNames.next("dev", NodeRole.CONTROL_PLANE, List.of("dev-control-plane", "dev-worker",
                "dev-external-load-balancer"))).isEqualTo("dev-control-plane2");
    }

    @Test
    void theLowestFreeNumberIsTakenSoADeletedNodesNameComesBack() {
        assertThat(NodeNames.next("dev", NodeRole.WORKER, List.of("dev-worker", "dev-worker3")))
                .isEqualTo("dev-worker2");
    }
}
