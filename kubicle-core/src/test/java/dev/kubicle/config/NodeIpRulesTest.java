package dev.kubicle.config;

import static dev.kubicle.config.ConfigTesting.kubicle;
import static dev.kubicle.config.ConfigTesting.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

class NodeIpRulesTest {

    private static String withSubnet(String subnet, String... ips) {
        StringBuilder yaml = new StringBuilder("networking:\n  subnet: " + subnet + "\nnodes:\n");
        for (String ip : ips) {
            yaml.append("- ip: ").append(ip).append('\n');
        }
        return kubicle(yaml.toString());
    }

    static Stream<Arguments> invalidAddresses() {
        String usable = "use an address from 172.30.0.2 to 172.30.0.254";
        return Stream.of(
                Arguments.of("rejects an address outside the subnet", withSubnet("172.30.0.0/24", "172.31.0.10"),
                        "cluster.yaml: nodes[0].ip: 172.31.0.10 is outside networking.subnet 172.30.0.0/24; "
                                + usable),
                Arguments.of("rejects the network address", withSubnet("172.30.0.0/24", "172.30.0.0"),
                        "cluster.yaml: nodes[0].ip: 172.30.0.0 is the network address of 172.30.0.0/24; " + usable),
                Arguments.of("rejects the gateway address", withSubnet("172.30.0.0/24", "172.30.0.1"),
                        "cluster.yaml: nodes[0].ip: 172.30.0.1 is the gateway address of 172.30.0.0/24, which the"
                                + " engine takes; " + usable),
                Arguments.of("rejects the broadcast address", withSubnet("172.30.0.0/24", "172.30.0.255"),
                        "cluster.yaml: nodes[0].ip: 172.30.0.255 is the broadcast address of 172.30.0.0/24; "
                                + usable),
                Arguments.of("rejects an address given to two nodes",
                        withSubnet("172.30.0.0/24", "172.30.0.10", "172.30.0.11", "172.30.0.10"),
                        "cluster.yaml: nodes[2].ip: 172.30.0.10 is already the address of nodes[0];"
                                + " give every node an address of its own"),
                Arguments.of("rejects an address that is not IPv4", withSubnet("172.30.0.0/24", "\"fd00::10\""),
                        "cluster.yaml: nodes[0].ip: \"fd00::10\" is not an IPv4 address;"
                                + " use an address such as 172.30.0.10"),
                Arguments.of("rejects an address with an octet over 255", withSubnet("172.30.0.0/24", "172.30.0.256"),
                        "cluster.yaml: nodes[0].ip: \"172.30.0.256\" is not an IPv4 address;"
                                + " use an address such as 172.30.0.10"),
                Arguments.of("rejects an address without a subnet", kubicle("nodes:\n- ip: 10.5.6.7\n"),
                        "cluster.yaml: nodes[0].ip: is set but networking.subnet is not;"
                                + " set networking.subnet to a range that holds it, such as 10.5.6.0/24"));
    }

    private static String ipv6(String family, String subnet, String... ips) {
        return withSubnet(subnet, ips).replace("networking:\n", "networking:\n  ipFamily: " + family + "\n");
    }

    static Stream<Arguments> invalidIpv6Addresses() {
        String usable = "use an address from fd00:172:30::2 to fd00:172:30:0:ffff:ffff:ffff:ffff";
        return Stream.of(
                Arguments.of("rejects an IPv6 address outside the subnet",
                        ipv6("ipv6", "fd00:172:30::/64", "\"fd00:172:31::10\""),
                        "cluster.yaml: nodes[0].ip: fd00:172:31::10 is outside networking.subnet fd00:172:30::/64; "
                                + usable),
                Arguments.of("rejects the IPv6 gateway address", ipv6("ipv6", "fd00:172:30::/64", "\"fd00:172:30::1\""),
                        "cluster.yaml: nodes[0].ip: fd00:172:30::1 is the gateway address of fd00:172:30::/64, which"
                                + " the engine takes; " + usable),
                Arguments.of("rejects an IPv6 address given to two nodes",
                        ipv6("dual", "172.30.0.0/24,fd00:172:30::/64", "172.30.0.10,fd00:172:30::10",
                                "172.30.0.11,fd00:172:30::10"),
                        "cluster.yaml: nodes[1].ip: fd00:172:30::10 is already the address of nodes[0];"
                                + " give every node an address of its own"),
                Arguments.of("rejects two addresses of one family",
                        ipv6("dual", "172.30.0.0/24,fd00:172:30::/64", "172.30.0.10,172.30.0.11"),
                        "cluster.yaml: nodes[0].ip: 172.30.0.10,172.30.0.11 has more than one address of a family;"
                                + " give at most one IPv4 and one IPv6 address, separated by a comma"),
                Arguments.of("rejects an address that is none", ipv6("dual", "172.30.0.0/24", "172.30.0.10,fd00::g"),
                        "cluster.yaml: nodes[0].ip: \"fd00::g\" is not an IP address; use one address per family,"
                                + " comma-separated, such as 172.30.0.10,fd00:172:30::10"),
                Arguments.of("rejects an IPv6 address when the subnet has no IPv6 range",
                        ipv6("dual", "172.30.0.0/24", "172.30.0.10,fd00:172:30::10"),
                        "cluster.yaml: nodes[0].ip: fd00:172:30::10 has no range of its family in networking.subnet"
                                + " 172.30.0.0/24; add one, such as 172.30.0.0/24,fd00:172:30::/64"),
                Arguments.of("rejects an IPv6 address without a subnet",
                        kubicle("networking:\n  ipFamily: ipv6\nnodes:\n- ip: \"fd00:172:30::10\"\n"),
                        "cluster.yaml: nodes[0].ip: is set but networking.subnet is not;"
                                + " set networking.subnet to a range that holds it, such as fd00:172:30::/64"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidIpv6Addresses")
    void reportsInvalidIpv6NodeAddresses(String behaviour, String yaml, String expectedLine) {
        assertThat(problems(yaml)).contains(expectedLine);
    }

    @Test
    void acceptsAnAddressOfEachFamilyInsideTheirSubnets() {
        assertThat(problems(ipv6("dual", "172.30.0.0/24,fd00:172:30::/64", "172.30.0.10,fd00:172:30::10",
                "\"fd00:172:30::11\"", "172.30.0.12"))).isEmpty();
        assertThat(problems(ipv6("ipv6", "fd00:172:30::/64", "\"fd00:172:30::10\""))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidAddresses")
    void reportsInvalidNodeAddresses(String behaviour, String yaml, String expectedLine) {
        assertThat(problems(yaml)).contains(expectedLine);
    }

    @Test
    void acceptsDistinctAddressesInsideTheSubnet() {
        assertThat(problems(withSubnet("172.30.0.0/24", "172.30.0.2", "172.30.0.11", "172.30.0.254"))).isEmpty();
    }

    @Test
    void checksNoAddressAgainstABrokenSubnet() {
        assertThat(problems(withSubnet("172.30.0.0/33", "172.30.0.10")))
                .containsExactly("cluster.yaml: networking.subnet: \"172.30.0.0/33\" is not a CIDR;"
                        + " use an IPv4 range such as 172.30.0.0/24");
    }
}
