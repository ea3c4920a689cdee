package dev.kubicle.cluster.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PodRoutesTest {

    @Test
    void eachPodCidrIsRoutedThroughTheNodesAddressOfItsFamily() {
        assertThat(PodRoutes.routes("10.244.1.0/24,fd00:10:244:1::/64", "172.18.0.3,fd00:1::3"))
                .containsExactly("10.244.1.0/24 172.18.0.3\n", "fd00:10:244:1::/64 fd00:1::3\n");
        assertThat(PodRoutes.routes("fd00:10:244:1::/64", "fd00:1::3"))
                .containsExactly("fd00:10:244:1::/64 fd00:1::3\n");
        assertThat(PodRoutes.routes("10.244.1.0/24", "172.18.0.3")).containsExactly("10.244.1.0/24 172.18.0.3\n");
    }

    @Test
    void aPodCidrWithoutAnAddressOfItsFamilyIsNotRouted() {
        assertThat(PodRoutes.routes("10.244.1.0/24,fd00:10:244:1::/64", "172.18.0.3"))
                .containsExactly("10.244.1.0/24 172.18.0.3\n");
    }

    @Test
    void nodesAreReadWithEveryPodCidrAndAddressAndEmptyFieldsForWhatTheyLackYet() {
        assertThat(PodNetwork.nodeRange("dual|10.244.0.0/24,fd00:10:244::/64,|172.18.0.2,fd00:1::2,"))
                .isEqualTo(new PodNetwork.NodeRange("dual", "10.244.0.0/24,fd00:10:244::/64",
                        "172.18.0.2,fd00:1::2"));
        assertThat(PodNetwork.nodeRange("new||172.18.0.4,"))
                .isEqualTo(new PodNetwork.NodeRange("new", "", "172.18.0.4"));
        assertThat(PodNetwork.nodeRange("bare||")).isEqualTo(new PodNetwork.NodeRange("bare", "", ""));
    }
}
