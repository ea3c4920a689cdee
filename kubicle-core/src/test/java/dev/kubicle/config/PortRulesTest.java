package dev.kubicle.config;

import static dev.kubicle.config.ConfigTesting.kubicle;
import static dev.kubicle.config.ConfigTesting.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.Stream;

class PortRulesTest {

    /** Two nodes, the first with mappings {@code first}, the second with {@code second}, as YAML flow lists. */
    private static String nodes(String first, String second) {
        return kubicle("nodes:\n- role: control-plane\n  extraPortMappings: " + first
                + "\n- role: worker\n  extraPortMappings: " + second + "\n");
    }

    static Stream<Arguments> invalidPorts() {
        return Stream.of(
                Arguments.of("rejects a hostPort above 65535", nodes("[]", "[{containerPort: 80, hostPort: 70000}]"),
                        "cluster.yaml: nodes[1].extraPortMappings[0].hostPort: 70000 is out of range;"
                                + " use a port from 0 to 65535 (0 picks a free one)"),
                Arguments.of("rejects a negative hostPort", nodes("[{containerPort: 80, hostPort: -1}]", "[]"),
                        "cluster.yaml: nodes[0].extraPortMappings[0].hostPort: -1 is out of range;"
                                + " use a port from 0 to 65535 (0 picks a free one)"),
                Arguments.of("rejects containerPort 0", nodes("[{containerPort: 0}]", "[]"),
                        "cluster.yaml: nodes[0].extraPortMappings[0].containerPort: 0 is out of range;"
                                + " use a port from 1 to 65535"),
                Arguments.of("rejects a containerPort above 65535", nodes("[{containerPort: 65536}]", "[]"),
                        "cluster.yaml: nodes[0].extraPortMappings[0].containerPort: 65536 is out of range;"
                                + " use a port from 1 to 65535"),
                Arguments.of("rejects a mapping without containerPort", nodes("[{hostPort: 80}]", "[]"),
                        "cluster.yaml: nodes[0].extraPortMappings[0].containerPort: is missing;"
                                + " set the port the node listens on, such as 80"),
                Arguments.of("rejects an unknown protocol", nodes("[{containerPort: 80, protocol: quic}]", "[]"),
                        "cluster.yaml: nodes[0].extraPortMappings[0].protocol: \"quic\" is not a protocol;"
                                + " use TCP, UDP or SCTP"),
                Arguments.of("rejects a listenAddress that is not an IP address",
                        nodes("[{containerPort: 80, listenAddress: localhost}]", "[]"),
                        "cluster.yaml: nodes[0].extraPortMappings[0].listenAddress: \"localhost\" is not an IP"
                                + " address; use an IP address such as 127.0.0.1"),
                Arguments.of("rejects the same host port twice on one node",
                        nodes("[{containerPort: 80, hostPort: 8080}, {containerPort: 81, hostPort: 8080}]", "[]"),
                        "cluster.yaml: nodes[0].extraPortMappings[1].hostPort: 8080/TCP on 0.0.0.0 is already taken"
                                + " by nodes[0].extraPortMappings[0]; use another hostPort, or 0 for a free one"),
                Arguments.of("rejects the same host port twice across nodes",
                        nodes("[{containerPort: 80, hostPort: 8080}]", "[{containerPort: 80, hostPort: 8080}]"),
                        "cluster.yaml: nodes[1].extraPortMappings[0].hostPort: 8080/TCP on 0.0.0.0 is already taken"
                                + " by nodes[0].extraPortMappings[0]; use another hostPort, or 0 for a free one"),
                Arguments.of("rejects a protocol spelt differently as the same protocol",
                        nodes("[{containerPort: 53, hostPort: 53, protocol: udp}]",
                                "[{containerPort: 53, hostPort: 53, protocol: UDP}]"),
                        "cluster.yaml: nodes[1].extraPortMappings[0].hostPort: 53/UDP on 0.0.0.0 is already taken"
                                + " by nodes[0].extraPortMappings[0]; use another hostPort, or 0 for a free one"),
                Arguments.of("rejects an address when the wildcard has the port",
                        nodes("[{containerPort: 80, hostPort: 80}]",
                                "[{containerPort: 80, hostPort: 80, listenAddress: 127.0.0.1}]"),
                        "cluster.yaml: nodes[1].extraPortMappings[0].hostPort: 80/TCP on 127.0.0.1 is already taken"
                                + " by nodes[0].extraPortMappings[0]; use another hostPort, or 0 for a free one"),
                Arguments.of("treats the IPv6 wildcard as the IPv4 one",
                        nodes("[{containerPort: 80, hostPort: 80, listenAddress: \"::\"}]",
                                "[{containerPort: 80, hostPort: 80, listenAddress: 0.0.0.0}]"),
                        "cluster.yaml: nodes[1].extraPortMappings[0].hostPort: 80/TCP on 0.0.0.0 is already taken"
                                + " by nodes[0].extraPortMappings[0]; use another hostPort, or 0 for a free one"),
                Arguments.of("rejects a host port the API server publishes on",
                        kubicle("networking: {apiServerPort: 6443}\nnodes:\n- extraPortMappings:"
                                + " [{containerPort: 6443, hostPort: 6443, listenAddress: 127.0.0.1}]\n"),
                        "cluster.yaml: nodes[0].extraPortMappings[0].hostPort: 6443/TCP on 127.0.0.1 is already"
                                + " taken by networking.apiServerPort; use another hostPort, or 0 for a free one"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidPorts")
    void reportsInvalidPortMappings(String behaviour, String yaml, String expectedLine) {
        assertThat(problems(yaml)).contains(expectedLine);
    }

    @ParameterizedTest(name = "accepts {0}")
    @ValueSource(strings = {
        "[{containerPort: 80, hostPort: 0}, {containerPort: 81, hostPort: 0}]",
        "[{containerPort: 80, hostPort: 80}, {containerPort: 80, hostPort: 80, protocol: UDP}]",
        "[{containerPort: 80, hostPort: 80, listenAddress: 127.0.0.1},"
                + " {containerPort: 80, hostPort: 80, listenAddress: 127.0.0.2}]",
        "[{containerPort: 1, hostPort: 65535, protocol: sctp}]",
        "[{containerPort: 80, hostPort: 80, listenAddress: \"::1\"}]"})
    void acceptsPortMappingsThatDoNotCollide(String mappings) {
        assertThat(problems(nodes(mappings, "[]"))).isEmpty();
    }
}
