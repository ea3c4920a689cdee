package dev.kubicle.cluster.internal;

import dev.kubicle.KubicleException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodeAddressesTest {

    @Test
    void nodesWithoutAnAddressGetTheLowestFreeOnesAfterTheGatewayAroundTheFixedOnes() {
        NodeAddresses addresses = new NodeAddresses("172.18.0.0/16", "172.18.0.1", List.of());

        assertThat(addresses.assignAll(List.of(Optional.empty(), Optional.of("172.18.0.3"), Optional.empty(),
                Optional.empty()))).containsExactly("172.18.0.2", "172.18.0.3", "172.18.0.4", "172.18.0.5");
    }

    @Test
    void addressesInUseAndTheGatewayAreNeverGivenAgain() {
        NodeAddresses addresses = new NodeAddresses("10.9.8.0/24", "10.9.8.2", List.of("10.9.8.3", "10.9.8.5"));

        assertThat(addresses.assign(Optional.empty())).isEqualTo("10.9.8.4");
        assertThat(addresses.assign(Optional.empty())).isEqualTo("10.9.8.6");
    }

    @Test
    void aFullSubnetIsAnErrorThatNamesIt() {
        NodeAddresses addresses = new NodeAddresses("10.0.0.0/30", "10.0.0.1", List.of("10.0.0.2"));

        assertThatThrownBy(() -> addresses.assign(Optional.empty())).isInstanceOf(KubicleException.class)
                .hasMessageContaining("10.0.0.0/30 has no free address");
    }
}
