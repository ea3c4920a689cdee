package dev.kubicle.bench.run;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NodeReadinessTest {

    @Test
    void allNodesReadyIsReady() {
        assertThat(NodeReadiness.allReady("c-control-plane   True\nc-worker   True\nc-worker2   True\n", 3)).isTrue();
    }

    @Test
    void oneNodeNotReadyIsNotReady() {
        assertThat(NodeReadiness.allReady("c-control-plane   True\nc-worker   False\nc-worker2   True\n", 3)).isFalse();
        assertThat(NodeReadiness.allReady("c-control-plane   Unknown\n", 1)).isFalse();
    }

    @Test
    void aNodeNotYetRegisteredIsNotReady() {
        assertThat(NodeReadiness.allReady("c-control-plane   True\nc-worker   True\n", 3)).isFalse();
        assertThat(NodeReadiness.allReady("", 1)).isFalse();
    }

    @Test
    void aNodeWithoutConditionsIsNotReady() {
        assertThat(NodeReadiness.parse("c-control-plane   <none>\n")).containsEntry("c-control-plane", false);
    }
}
