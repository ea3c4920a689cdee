package dev.kubicle.cluster.internal.nodes;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EtcdMembersTest {

    @Test
    void aNodesMemberIsKnownByItsNameOrBeforeItStartedByItsPeerAddress() {
        EtcdMembers.Member named = new EtcdMembers.Member("1", "dev-control-plane2",
                List.of("https://172.30.0.3:2380"));
        EtcdMembers.Member unstarted = new EtcdMembers.Member("2", "", List.of("https://172.30.0.7:2380"));

        assertThat(named.of("dev-control-plane2", "172.30.0.3")).isTrue();
        assertThat(unstarted.of("dev-control-plane3", "172.30.0.7")).isTrue();
        assertThat(unstarted.of("dev-control-plane3", "172.30.0.70")).isFalse();
        assertThat(named.of("dev-control-plane", "172.30.0.2")).isFalse();
    }
}
