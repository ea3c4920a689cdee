package dev.kubicle.cluster.internal;

import dev.kubicle.ExitCode;
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

    @Test
    void anAddressAskedForMustBeAFreeOneOfTheSubnetAndTheRefusalNamesTheNextFreeOne() {
        NodeAddresses addresses = new NodeAddresses("172.30.0.0/24", "172.30.0.1", List.of("172.30.0.2",
                "172.30.0.3"));

        assertThat(addresses.claim("172.30.0.9")).isEqualTo("172.30.0.9");
        for (String refused : List.of("172.30.0.3", "172.30.0.9", "172.30.1.5", "172.30.0.1", "172.30.0.255",
                "172.30.0.0", "172.30.0", "node.example", "1.2.3.4.", "256.1.1.1")) {
            assertThatThrownBy(() -> addresses.claim(refused)).as(refused).isInstanceOf(KubicleException.class)
                    .hasMessageStartingWith("--ip " + refused + " is ")
                    .hasMessageEndingWith("such as 172.30.0.4, or leave --ip out for that one")
                    .extracting(e -> ((KubicleException) e).exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        }
        assertThatThrownBy(() -> addresses.claim("172.30.1.5")).hasMessageContaining("outside the cluster "
                + "network's subnet 172.30.0.0/24");
        assertThatThrownBy(() -> addresses.claim("172.30.0.3")).hasMessageContaining("already the address of a "
                + "node");
    }

    @Test
    void ipv6NodesGetTheLowestFreeAddressesOfTheIpv6SubnetAfterItsGateway() {
        NodeAddresses addresses = new NodeAddresses("fd00:6b75:6269:1::/64", "", List.of("fd00:6b75:6269:1::3"));

        assertThat(addresses.assignAll(List.of(Optional.empty(), Optional.of("fd00:6b75:6269:1::10"),
                Optional.empty()))).containsExactly("fd00:6b75:6269:1::2", "fd00:6b75:6269:1::10",
                "fd00:6b75:6269:1::4");
    }

    @Test
    void anIpv6AddressAskedForMustBeAFreeOneOfTheIpv6Subnet() {
        NodeAddresses addresses = new NodeAddresses("fd00:1::/64", "fd00:1::1", List.of("fd00:1::2"));

        assertThat(addresses.claim("fd00:1::ffff:ffff:ffff:ffff")).isEqualTo("fd00:1::ffff:ffff:ffff:ffff");
        for (String refused : List.of("fd00:1::2", "fd00:1::1", "fd00:1::", "fd00:2::5", "172.30.0.9", "fd00:1::g")) {
            assertThatThrownBy(() -> addresses.claim(refused)).as(refused).isInstanceOf(KubicleException.class)
                    .hasMessageStartingWith("--ip " + refused + " is ")
                    .hasMessageEndingWith("such as fd00:1::3, or leave --ip out for that one");
        }
    }
}
