package dev.kubicle.config;

import static dev.kubicle.config.ConfigTesting.kind;
import static dev.kubicle.config.ConfigTesting.kubicle;
import static dev.kubicle.config.ConfigTesting.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.Stream;

class NetworkingRulesTest {

    static Stream<Arguments> invalidNetworking() {
        return Stream.of(
                Arguments.of("rejects an unknown ipFamily", "ipFamily: ipv5",
                        "cluster.yaml: networking.ipFamily: \"ipv5\" is not an IP family; use ipv4, ipv6 or dual"),
                Arguments.of("rejects an unknown kubeProxyMode", "kubeProxyMode: userspace",
                        "cluster.yaml: networking.kubeProxyMode: \"userspace\" is not a proxy mode;"
                                + " use iptables, ipvs, nftables or none"),
                Arguments.of("rejects an apiServerPort above 65535", "apiServerPort: 70000",
                        "cluster.yaml: networking.apiServerPort: 70000 is out of range;"
                                + " use a port from 0 to 65535 (0 picks a free one)"),
                Arguments.of("rejects a negative apiServerPort", "apiServerPort: -1",
                        "cluster.yaml: networking.apiServerPort: -1 is out of range;"
                                + " use a port from 0 to 65535 (0 picks a free one)"),
                Arguments.of("rejects an apiServerAddress that is a host name", "apiServerAddress: localhost",
                        "cluster.yaml: networking.apiServerAddress: \"localhost\" is not an IP address;"
                                + " use an address of this machine, such as 127.0.0.1"),
                Arguments.of("rejects a podSubnet that is not a CIDR", "podSubnet: 10.244.0.0",
                        "cluster.yaml: networking.podSubnet: \"10.244.0.0\" is not a CIDR;"
                                + " use a range such as 10.244.0.0/16"),
                Arguments.of("rejects a podSubnet with a prefix too long", "podSubnet: 10.244.0.0/33",
                        "cluster.yaml: networking.podSubnet: \"10.244.0.0/33\" is not a CIDR;"
                                + " use a range such as 10.244.0.0/16"),
                Arguments.of("rejects a serviceSubnet with an octet over 255", "serviceSubnet: 10.960.0.0/16",
                        "cluster.yaml: networking.serviceSubnet: \"10.960.0.0/16\" is not a CIDR;"
                                + " use a range such as 10.244.0.0/16"),
                Arguments.of("rejects an IPv6 podSubnet for ipFamily ipv4", "podSubnet: fd00::/56",
                        "cluster.yaml: networking.podSubnet: fd00::/56 is not an IPv4 range;"
                                + " use an IPv4 CIDR for ipFamily ipv4, or change ipFamily"),
                Arguments.of("rejects an IPv4 serviceSubnet for ipFamily ipv6",
                        "ipFamily: ipv6\n  serviceSubnet: 10.96.0.0/16",
                        "cluster.yaml: networking.serviceSubnet: 10.96.0.0/16 is not an IPv6 range;"
                                + " use an IPv6 CIDR for ipFamily ipv6, or change ipFamily"),
                Arguments.of("rejects two ranges for a single stack", "podSubnet: 10.1.0.0/16,10.2.0.0/16",
                        "cluster.yaml: networking.podSubnet: 10.1.0.0/16,10.2.0.0/16 has more than one range;"
                                + " give one CIDR for ipFamily ipv4"),
                Arguments.of("rejects two IPv4 ranges for dual stack",
                        "ipFamily: dual\n  podSubnet: 10.1.0.0/16,10.2.0.0/16",
                        "cluster.yaml: networking.podSubnet: 10.1.0.0/16,10.2.0.0/16 is not a dual-stack range;"
                                + " give one IPv4 and one IPv6 CIDR, separated by a comma"),
                Arguments.of("rejects overlapping pod and service subnets",
                        "podSubnet: 10.0.0.0/8\n  serviceSubnet: 10.96.0.0/16",
                        "cluster.yaml: networking.serviceSubnet: 10.96.0.0/16 overlaps podSubnet 10.0.0.0/8;"
                                + " pick ranges that do not overlap"),
                Arguments.of("rejects a node subnet that is not a CIDR", "subnet: 172.30.0.0",
                        "cluster.yaml: networking.subnet: \"172.30.0.0\" is not a CIDR;"
                                + " use an IPv4 range such as 172.30.0.0/24"),
                Arguments.of("rejects an IPv6 node subnet for ipFamily ipv4", "subnet: fd00:1::/64",
                        "cluster.yaml: networking.subnet: fd00:1::/64 is not an IPv4 range;"
                                + " use an IPv4 range such as 172.30.0.0/24, or set networking.ipFamily to ipv6 or"
                                + " dual"),
                Arguments.of("rejects an IPv6 node subnet that is not a CIDR", "ipFamily: ipv6\n  subnet: \"fd00:1::\"",
                        "cluster.yaml: networking.subnet: \"fd00:1::\" is not a CIDR;"
                                + " use an IPv6 range such as fd00:172:30::/64"),
                Arguments.of("rejects an IPv6 node subnet too small for nodes",
                        "ipFamily: ipv6\n  subnet: fd00:1::/124",
                        "cluster.yaml: networking.subnet: fd00:1::/124 is too small for a gateway and nodes;"
                                + " use a /120 or larger range, such as fd00:1::/64"),
                Arguments.of("rejects an IPv6 node subnet that does not start its range",
                        "ipFamily: dual\n  subnet: 172.30.0.0/24,fd00:1::5/64",
                        "cluster.yaml: networking.subnet: fd00:1::5/64 is not the start of its range;"
                                + " use fd00:1::/64"),
                Arguments.of("rejects two node subnets of one family",
                        "ipFamily: dual\n  subnet: fd00:1::/64,fd00:2::/64",
                        "cluster.yaml: networking.subnet: fd00:1::/64,fd00:2::/64 has more than one range of a"
                                + " family; give at most one IPv4 and one IPv6 range, separated by a comma"),
                Arguments.of("rejects an IPv6 node subnet overlapping the pod subnet",
                        "ipFamily: ipv6\n  subnet: fd00:10:244:7::/64",
                        "cluster.yaml: networking.subnet: fd00:10:244:7::/64 overlaps podSubnet fd00:10:244::/56;"
                                + " pick ranges that do not overlap"),
                Arguments.of("rejects a node subnet too small for a node", "subnet: 172.30.0.0/30",
                        "cluster.yaml: networking.subnet: 172.30.0.0/30 is too small for a gateway and nodes;"
                                + " use a /29 or larger range, such as 172.30.0.0/24"),
                Arguments.of("rejects a node subnet that does not start its range", "subnet: 172.30.0.5/24",
                        "cluster.yaml: networking.subnet: 172.30.0.5/24 is not the start of its range;"
                                + " use 172.30.0.0/24"),
                Arguments.of("rejects a node subnet overlapping the pod subnet", "subnet: 10.244.3.0/24",
                        "cluster.yaml: networking.subnet: 10.244.3.0/24 overlaps podSubnet 10.244.0.0/16;"
                                + " pick ranges that do not overlap"),
                Arguments.of("rejects a node subnet overlapping the service subnet", "subnet: 10.0.0.0/8",
                        "cluster.yaml: networking.subnet: 10.0.0.0/8 overlaps serviceSubnet 10.96.0.0/16;"
                                + " pick ranges that do not overlap"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidNetworking")
    void reportsInvalidNetworking(String behaviour, String networking, String expectedLine) {
        assertThat(problems(kubicle("networking:\n  " + networking + "\n"))).contains(expectedLine);
    }

    @ParameterizedTest(name = "accepts {0}")
    @ValueSource(strings = {
        "kubeProxyMode: ipvs",
        "kubeProxyMode: nftables",
        "kubeProxyMode: none",
        "apiServerPort: 0",
        "apiServerPort: 65535",
        "ipFamily: ipv6",
        "ipFamily: dual",
        "ipFamily: dual\n  podSubnet: 10.1.0.0/16",
        "ipFamily: dual\n  serviceSubnet: fd00:10:96::/112,10.96.0.0/16",
        "ipFamily: ipv6\n  apiServerAddress: \"::1\"",
        "podSubnet: 10.244.0.0/16\n  serviceSubnet: 10.245.0.0/16",
        "subnet: 172.30.0.0/24",
        "ipFamily: ipv6\n  subnet: fd00:172:30::/64",
        "ipFamily: ipv6\n  subnet: 172.30.0.0/24,fd00:172:30::/64",
        "ipFamily: dual\n  subnet: 172.30.0.0/24,fd00:172:30::/64",
        "ipFamily: dual\n  subnet: fd00:172:30::/64, 172.30.0.0/24",
        "ipFamily: dual\n  subnet: 172.30.0.0/24",
        "subnet: 192.168.0.0/16",
        "dnsSearch: []"})
    void acceptsValidNetworking(String networking) {
        assertThat(problems(kubicle("networking:\n  " + networking + "\n"))).isEmpty();
    }

    @ParameterizedTest(name = "accepts {0} in a kind file")
    @ValueSource(strings = {"ipFamily: ipv4", "kubeProxyMode: ipvs"})
    void acceptsKindNetworking(String networking) {
        assertThat(problems(kind("networking:\n  " + networking + "\n"))).isEmpty();
    }
}
