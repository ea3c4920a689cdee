package dev.kubicle.config;

import static dev.kubicle.config.ConfigTesting.kind;
import static dev.kubicle.config.ConfigTesting.kubicle;
import static dev.kubicle.config.ConfigTesting.load;
import static dev.kubicle.config.ConfigTesting.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

class EngineRulesTest {
    private static final String TWO_ENGINES = """
            engines:
            - name: a
              host: unix:///run/a.sock
            - name: b
              host: tcp://192.168.1.20:2375
            """;

    private static String spread(String networking, String... nodeEngines) {
        StringBuilder yaml = new StringBuilder(TWO_ENGINES).append(networking).append("nodes:\n");
        String role = "control-plane";
        for (String engine : nodeEngines) {
            yaml.append("- role: ").append(role).append('\n');
            if (!engine.isEmpty()) {
                yaml.append("  engine: ").append(engine).append('\n');
            }
            role = "worker";
        }
        return kubicle(yaml.toString());
    }

    private static String subnet() {
        return "networking:\n  subnet: 172.26.1.0/24\n";
    }

    static Stream<Arguments> invalidEngines() {
        return Stream.of(
                Arguments.of("rejects a node without an engine", spread(subnet(), "a", ""),
                        "cluster.yaml: nodes[1].engine: is missing, and the cluster spreads its nodes over engines;"
                                + " name the engine the node runs on: one of a, b"),
                Arguments.of("rejects an engine the config does not list", spread(subnet(), "a", "bb"),
                        "cluster.yaml: nodes[1].engine: \"bb\" is not one of the config's engines; use b"),
                Arguments.of("rejects a node engine without engines", kubicle("nodes:\n- engine: a\n"),
                        "cluster.yaml: nodes[0].engine: names engine \"a\" but the config has no engines; list the"
                                + " engines at the top level (engines: [{name: a, host: unix:///...}]) or remove"
                                + " nodes[].engine"),
                Arguments.of("rejects spread nodes without a fixed subnet", spread("", "a", "b"),
                        "cluster.yaml: networking.subnet: is not set, and the nodes are spread over engines;"
                                + " set it to a range free on every engine's machine, such as 172.26.0.0/24"),
                Arguments.of("rejects IPv6 for spread nodes",
                        spread("networking:\n  ipFamily: dual\n  subnet: 172.26.1.0/24,fd00:26::/64\n", "a", "b"),
                        "cluster.yaml: networking.ipFamily: is dual, and clusters spread over engines are IPv4 only;"
                                + " use ipv4, or remove engines"),
                Arguments.of("rejects a node address where the swarm places the engines' endpoints",
                        kubicle(TWO_ENGINES + subnet() + "nodes:\n- {engine: a, ip: 172.26.1.10}\n"
                                + "- {role: worker, engine: b, ip: 172.26.1.128}\n"),
                        "cluster.yaml: nodes[1].ip: is 172.26.1.128, in 172.26.1.128/25, the half of"
                                + " networking.subnet where the swarm places its engines' own endpoints;"
                                + " use an address below 172.26.1.128"),
                Arguments.of("rejects two engines of one name",
                        kubicle("engines:\n- {name: a, host: unix:///x}\n- {name: a, host: unix:///y}\n"
                                + subnet() + "nodes:\n- engine: a\n"),
                        "cluster.yaml: engines[1].name: \"a\" is already the name of engines[0];"
                                + " give every engine a name of its own"),
                Arguments.of("rejects an engine listed twice",
                        kubicle("engines:\n- {name: a, host: unix:///x}\n- {name: b, host: unix:///x}\n"
                                + subnet() + "nodes:\n- engine: a\n"),
                        "cluster.yaml: engines[1].host: unix:///x is listed twice; list every engine once"),
                Arguments.of("rejects an address that is not DOCKER_HOST's",
                        kubicle("engines:\n- {name: a, host: /run/docker.sock}\n" + subnet() + "nodes:\n- engine: a\n"),
                        "cluster.yaml: engines[0].host: \"/run/docker.sock\" is not an engine address;"
                                + " write it as DOCKER_HOST takes it: unix:///path or tcp://host:port"),
                Arguments.of("rejects an engine without a host",
                        kubicle("engines:\n- {name: a}\n" + subnet() + "nodes:\n- engine: a\n"),
                        "cluster.yaml: engines[0].host: is missing; give the engine's address as DOCKER_HOST takes"
                                + " it: unix:///path or tcp://host:port"),
                Arguments.of("rejects a bad engine name",
                        kubicle("engines:\n- {name: A_1, host: unix:///x}\n" + subnet() + "nodes:\n- engine: A_1\n"),
                        "cluster.yaml: engines[0].name: \"A_1\" is not a valid engine name;"
                                + " use lower-case letters, digits and '-', such as e1"),
                Arguments.of("rejects engines in a kind file", kind("engines:\n- {name: a, host: unix:///x}\n"),
                        "cluster.yaml: engines: is a kubicle field that kind.x-k8s.io/v1alpha4 does not have;"
                                + " switch apiVersion to kubicle.dev/v1alpha1 to use it"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidEngines")
    void reportsInvalidEngines(String behaviour, String yaml, String expectedLine) {
        assertThat(problems(yaml)).contains(expectedLine);
    }

    @Test
    void acceptsNodesSpreadOverTheListedEngines() {
        String yaml = spread(subnet(), "a", "b", "a");
        assertThat(problems(yaml)).isEmpty();
        Cluster config = load(yaml);
        assertThat(config.spreadOverEngines()).isTrue();
        assertThat(config.engines()).containsExactly(new Engine("a", "unix:///run/a.sock"),
                new Engine("b", "tcp://192.168.1.20:2375"));
        assertThat(config.nodes().stream().map(Node::engine).toList()).isEqualTo(List.of("a", "b", "a"));
    }

    @Test
    void acceptsNodeAddressesInTheLowerHalfOfTheSubnet() {
        assertThat(problems(kubicle(TWO_ENGINES + subnet() + "nodes:\n- {engine: a, ip: 172.26.1.2}\n"
                + "- {role: worker, engine: b, ip: 172.26.1.127}\n"))).isEmpty();
    }

    @Test
    void leavesAConfigWithoutEnginesOnOneEngine() {
        Cluster config = load(kubicle("nodes:\n- role: control-plane\n"));
        assertThat(config.spreadOverEngines()).isFalse();
        assertThat(config.nodes().get(0).engine()).isNull();
    }
}
