package dev.kubicle.config;

import static dev.kubicle.config.ConfigTesting.kind;
import static dev.kubicle.config.ConfigTesting.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.Stream;

class NodeLabelRulesTest {
    private static final String NAME_SHAPE =
            "use letters, digits, '-', '_' and '.', starting and ending with a letter or digit";

    /** A config whose second node has the labels {@code labels}, a YAML flow mapping. */
    private static String labels(String labels) {
        return kind("nodes:\n- role: control-plane\n- role: worker\n  labels: " + labels + "\n");
    }

    static Stream<Arguments> invalidLabels() {
        String longName = "n".repeat(64);
        String longPrefix = "p".repeat(254);
        return Stream.of(
                Arguments.of("rejects a key with a space", "{\"bad key\": a}",
                        "cluster.yaml: nodes[1].labels[\"bad key\"]: \"bad key\" is not a valid label name; "
                                + NAME_SHAPE),
                Arguments.of("rejects a key ending in a dash", "{tier-: a}",
                        "cluster.yaml: nodes[1].labels.tier-: \"tier-\" is not a valid label name; " + NAME_SHAPE),
                Arguments.of("rejects a name part that starts with a dot", "{example.com/.tier: a}",
                        "cluster.yaml: nodes[1].labels[\"example.com/.tier\"]: \".tier\" is not a valid label name; "
                                + NAME_SHAPE),
                Arguments.of("rejects a name longer than 63 characters", "{" + longName + ": a}",
                        "cluster.yaml: nodes[1].labels." + longName + ": the name \"" + longName + "\" is 64"
                                + " characters, more than 63; shorten it to 63 characters"),
                Arguments.of("rejects an empty key", "{\"\": a}",
                        "cluster.yaml: nodes[1].labels[\"\"]: the label key is empty; write a name such as tier"),
                Arguments.of("rejects a key with nothing after the slash", "{example.com/: a}",
                        "cluster.yaml: nodes[1].labels[\"example.com/\"]: \"example.com/\" has no name after the"
                                + " '/'; write a name such as example.com/tier"),
                Arguments.of("rejects a key with nothing before the slash", "{/tier: a}",
                        "cluster.yaml: nodes[1].labels[\"/tier\"]: \"/tier\" has nothing before the '/'; put a DNS"
                                + " subdomain such as example.com before it, or remove the '/'"),
                Arguments.of("rejects a key with two slashes", "{a.io/b/c: a}",
                        "cluster.yaml: nodes[1].labels[\"a.io/b/c\"]: \"a.io/b/c\" has more than one '/'; write"
                                + " prefix/name, such as example.com/tier"),
                Arguments.of("rejects an upper-case prefix", "{Example.com/tier: a}",
                        "cluster.yaml: nodes[1].labels[\"Example.com/tier\"]: the prefix \"Example.com\" is not a"
                                + " lower-case DNS subdomain; use lower-case letters, digits, '-' and '.', such as"
                                + " example.com"),
                Arguments.of("rejects a prefix with an underscore", "{my_org.io/tier: a}",
                        "cluster.yaml: nodes[1].labels[\"my_org.io/tier\"]: the prefix \"my_org.io\" is not a"
                                + " lower-case DNS subdomain; use lower-case letters, digits, '-' and '.', such as"
                                + " example.com"),
                Arguments.of("rejects a prefix longer than 253 characters", "{" + longPrefix + "/tier: a}",
                        "cluster.yaml: nodes[1].labels[\"" + longPrefix + "/tier\"]: the prefix of \"" + longPrefix
                                + "/tier\" is 254 characters, more than 253; shorten it to at most 253 characters"),
                Arguments.of("rejects a value with a space", "{tier: \"front end\"}",
                        "cluster.yaml: nodes[1].labels.tier: the value \"front end\" is not a valid label value; "
                                + NAME_SHAPE + ", or \"\""),
                Arguments.of("rejects a value with a slash", "{tier: a/b}",
                        "cluster.yaml: nodes[1].labels.tier: the value \"a/b\" is not a valid label value; "
                                + NAME_SHAPE + ", or \"\""),
                Arguments.of("rejects a value longer than 63 characters", "{tier: " + longName + "}",
                        "cluster.yaml: nodes[1].labels.tier: the value is 64 characters, more than 63;"
                                + " shorten it to 63 characters"),
                Arguments.of("rejects a value holding a newline, on one line", "{tier: \"a\\nb\"}",
                        "cluster.yaml: nodes[1].labels.tier: the value \"a\\nb\" is not a valid label value; "
                                + NAME_SHAPE + ", or \"\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidLabels")
    void reportsInvalidLabelsBeforeAnythingIsMade(String behaviour, String labels, String expectedLine) {
        assertThat(problems(labels(labels))).containsExactly(expectedLine);
    }

    @ParameterizedTest(name = "accepts {0}")
    @ValueSource(strings = {
        "{tier: frontend}",
        "{tier: \"\"}",
        "{example.com/tier: a}",
        "{kubernetes.io/role: worker, node.kubernetes.io/pool: a-1}",
        "{a: A, B_c.d-e: 1.10, z9: \"0\"}",
        "{x-1.example.com/Name_with.dots-1: v_1.2-3}"})
    void acceptsLabelsTheApiServerAccepts(String labels) {
        assertThat(problems(labels(labels))).isEmpty();
    }

    @ParameterizedTest(name = "accepts a {0}-character part")
    @ValueSource(ints = {1, 63})
    void acceptsNamesAndValuesUpTo63Characters(int length) {
        String part = "a".repeat(length);
        String prefix = ("p".repeat(63) + ".").repeat(3) + "p".repeat(61);

        assertThat(problems(labels("{" + prefix + "/" + part + ": " + part + "}"))).isEmpty();
    }
}
