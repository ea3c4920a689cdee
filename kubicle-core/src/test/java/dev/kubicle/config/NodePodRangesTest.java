package dev.kubicle.config;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static dev.kubicle.config.ConfigTesting.kind;
import static dev.kubicle.config.ConfigTesting.load;
import static org.assertj.core.api.Assertions.assertThat;

class NodePodRangesTest {
    private static final String THREE_NODES = """
            nodes:
            - role: control-plane
            - role: worker
            - role: worker
            """;

    @Test
    void eachNodeGetsTheNextSlash24OfThePodSubnet() {
        assertThat(NodePodRanges.of(load(kind(THREE_NODES))))
                .contains(java.util.List.of("10.244.0.0/24", "10.244.1.0/24", "10.244.2.0/24"));
    }

    @Test
    void aSubnetWithTooFewBlocksForTheNodesIsLeftToTheControllerManager() {
        Cluster two = load(kind("networking:\n  podSubnet: 10.9.8.0/23\nnodes:\n- role: control-plane\n- role: worker\n"));
        assertThat(NodePodRanges.of(two)).contains(java.util.List.of("10.9.8.0/24", "10.9.9.0/24"));
        assertThat(NodePodRanges.of(load(kind("networking:\n  podSubnet: 10.244.0.0/23\n" + THREE_NODES)))).isEmpty();
    }

    @Test
    void theControllerManagerKeepsAllocatingWhereKubicleCannotOrShouldNot() {
        assertThat(NodePodRanges.of(load(kind("networking:\n  podSubnet: 10.244.0.0/24\n" + THREE_NODES)))).isEmpty();
        assertThat(NodePodRanges.of(load(kind("networking:\n  ipFamily: ipv6\n" + THREE_NODES)))).isEmpty();
        assertThat(NodePodRanges.of(load(kind("networking:\n  ipFamily: dual\n" + THREE_NODES)))).isEmpty();
        assertThat(NodePodRanges.of(load(kind("networking:\n  disableDefaultCNI: true\n" + THREE_NODES)))).isEmpty();
    }

    @Test
    void aNodeJoiningLaterGetsTheLowestBlockNoNodeHas() {
        assertThat(NodePodRanges.firstFree("10.244.0.0/16", Set.of("10.244.0.0/24", "10.244.1.0/24")))
                .contains("10.244.2.0/24");
        assertThat(NodePodRanges.firstFree("10.244.0.0/16", Set.of("10.244.0.0/24", "10.244.2.0/24")))
                .as("a deleted node's block").contains("10.244.1.0/24");
        assertThat(NodePodRanges.firstFree("10.9.8.0/23", Set.of("10.9.8.0/24", "10.9.9.0/24"))).isEmpty();
        assertThat(NodePodRanges.firstFree("fd00:10:244::/56", Set.of())).isEmpty();
    }
}
