package dev.kubicle.config;

import static dev.kubicle.config.ConfigTesting.kubicle;
import static dev.kubicle.config.ConfigTesting.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

class NodeRulesTest {

    static Stream<Arguments> invalidNodes() {
        return Stream.of(
                Arguments.of("rejects a cluster of workers only", "- role: worker\n- role: worker\n",
                        "cluster.yaml: nodes: has no control-plane node; give at least one node role: control-plane"),
                Arguments.of("rejects an unknown role", "- role: control-plane\n- role: master\n",
                        "cluster.yaml: nodes[1].role: \"master\" is not a node role; use control-plane or worker"),
                Arguments.of("rejects a role in the wrong case", "- role: Control-Plane\n",
                        "cluster.yaml: nodes[0].role: \"Control-Plane\" is not a node role;"
                                + " use control-plane or worker"),
                Arguments.of("rejects an image with upper-case letters in its path", "- image: kubicle/Node:v1\n",
                        "cluster.yaml: nodes[0].image: \"kubicle/Node:v1\" is not a valid image reference;"
                                + " use [registry[:port]/]name[:tag][@sha256:<64 hex digits>],"
                                + " such as kubicle/node:v1.37.2"),
                Arguments.of("rejects an image with an empty tag", "- image: \"kubicle/node:\"\n",
                        "cluster.yaml: nodes[0].image: \"kubicle/node:\" is not a valid image reference;"
                                + " use [registry[:port]/]name[:tag][@sha256:<64 hex digits>],"
                                + " such as kubicle/node:v1.37.2"),
                Arguments.of("rejects an image with a short digest", "- image: kubicle/node@sha256:abc\n",
                        "cluster.yaml: nodes[0].image: \"kubicle/node@sha256:abc\" is not a valid image reference;"
                                + " use [registry[:port]/]name[:tag][@sha256:<64 hex digits>],"
                                + " such as kubicle/node:v1.37.2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidNodes")
    void reportsInvalidNodes(String behaviour, String nodes, String expectedLine) {
        assertThat(problems(kubicle("nodes:\n" + nodes))).contains(expectedLine);
    }
}
