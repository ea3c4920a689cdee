package dev.kubicle.bench.run;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class NodeReadinessTest {
    private static final Instant ANY = Instant.MIN;

    @Test
    void allNodesReadyIsReady() {
        assertThat(NodeReadiness.allReady("c-control-plane   True   2026-11-23T10:00:00Z\n"
                + "c-worker   True   2026-11-23T10:00:01Z\nc-worker2   True   2026-11-23T10:00:02Z\n", 3, ANY))
                .isTrue();
    }

    @Test
    void oneNodeNotReadyIsNotReady() {
        assertThat(NodeReadiness.allReady("c-control-plane   True   2026-11-23T10:00:00Z\n"
                + "c-worker   False   2026-11-23T10:00:00Z\nc-worker2   True   2026-11-23T10:00:00Z\n", 3, ANY))
                .isFalse();
        assertThat(NodeReadiness.allReady("c-control-plane   Unknown   2026-11-23T10:00:00Z\n", 1, ANY)).isFalse();
    }

    @Test
    void aNodeNotYetRegisteredIsNotReady() {
        assertThat(NodeReadiness.allReady("c-control-plane   True   2026-11-23T10:00:00Z\n"
                + "c-worker   True   2026-11-23T10:00:00Z\n", 3, ANY)).isFalse();
        assertThat(NodeReadiness.allReady("", 1, ANY)).isFalse();
    }

    @Test
    void aNodeWithoutConditionsIsNotReady() {
        assertThat(NodeReadiness.parse("c-control-plane   <none>   <none>\n"))
                .containsExactly(new NodeReadiness.Node("c-control-plane", false, Instant.MIN));
    }

    @Test
    void afterAStartOnlyAReadyReportedSinceTheStartCounts() {
        Instant began = Instant.parse("2026-11-23T10:00:00.400Z");
        String stale = "c-control-plane   True   2026-11-23T09:58:00Z\nc-worker   True   2026-11-23T10:00:03Z\n";
        String fresh = "c-control-plane   True   2026-11-23T10:00:05Z\nc-worker   True   2026-11-23T10:00:03Z\n";

        assertThat(NodeReadiness.allReady(stale, 2, began)).isFalse();
        assertThat(NodeReadiness.allReady(fresh, 2, began)).isTrue();
        // Heartbeats are whole seconds: one in the second the start began may be from before it.
        assertThat(NodeReadiness.allReady("c-control-plane   True   2026-11-23T10:00:00Z\n", 1, began)).isFalse();
    }

    @Test
    void aFreshHeartbeatOnANodeThatIsNotReadyIsNotEnough() {
        Instant began = Instant.parse("2026-11-23T10:00:00Z");

        assertThat(NodeReadiness.allReady("c-control-plane   False   2026-11-23T10:00:05Z\n", 1, began)).isFalse();
    }
}
