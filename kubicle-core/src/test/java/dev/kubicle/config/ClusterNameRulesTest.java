package dev.kubicle.config;

import static dev.kubicle.config.ConfigTesting.kubicle;
import static dev.kubicle.config.ConfigTesting.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.Stream;

class ClusterNameRulesTest {
    private static final String LABEL_FIX =
            "start the name and every part after a '.' with a letter or digit, and end them with one";

    static Stream<Arguments> invalidNames() {
        return Stream.of(
                Arguments.of("rejects upper-case letters", "My_Cluster",
                        "cluster.yaml: name: \"My_Cluster\" is not a valid cluster name;"
                                + " use lower-case letters, digits, '-' and '.', such as my-cluster"),
                Arguments.of("rejects spaces", "\"dev box\"",
                        "cluster.yaml: name: \"dev box\" is not a valid cluster name;"
                                + " use lower-case letters, digits, '-' and '.', such as dev-box"),
                Arguments.of("rejects a leading dash", "-dev",
                        "cluster.yaml: name: \"-dev\" would give nodes such as -dev-control-plane, which is not a"
                                + " valid host name; " + LABEL_FIX),
                Arguments.of("rejects two dots in a row", "a..b",
                        "cluster.yaml: name: \"a..b\" would give nodes such as a..b-control-plane, which is not a"
                                + " valid host name; " + LABEL_FIX),
                Arguments.of("rejects a trailing dot", "dev.",
                        "cluster.yaml: name: \"dev.\" would give nodes such as dev.-control-plane, which is not a"
                                + " valid host name; " + LABEL_FIX),
                Arguments.of("rejects a name whose node names exceed a host name", "a".repeat(50),
                        "cluster.yaml: name: \"" + "a".repeat(50) + "\" is too long: node " + "a".repeat(50)
                                + "-control-plane would have 64 characters, more than a host name's 63;"
                                + " use at most 49 characters"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidNames")
    void reportsInvalidClusterNames(String behaviour, String name, String expectedLine) {
        assertThat(problems(kubicle("name: " + name + "\n"))).contains(expectedLine);
    }

    @ParameterizedTest(name = "accepts {0}")
    @ValueSource(strings = {"kubicle", "dev-1", "team.dev", "0", "a-"})
    void acceptsValidClusterNames(String name) {
        assertThat(problems(kubicle("name: \"" + name + "\"\n"))).isEmpty();
    }

    @Test
    void countsTheNodeNumberIntoTheLengthLimit() {
        String name = "a".repeat(49);
        String threeControlPlanes = "nodes:\n- role: control-plane\n- role: control-plane\n- role: control-plane\n";

        assertThat(problems(kubicle("name: " + name + "\n"))).isEmpty();
        assertThat(problems(kubicle("name: " + name + "\n" + threeControlPlanes))).containsExactly(
                "cluster.yaml: name: \"" + name + "\" is too long: node " + name + "-control-plane3 would have 64"
                        + " characters, more than a host name's 63; use at most 48 characters");
    }
}
