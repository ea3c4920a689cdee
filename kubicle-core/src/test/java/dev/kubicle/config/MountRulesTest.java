package dev.kubicle.config;

import static dev.kubicle.config.ConfigTesting.EXISTING_DIR;
import static dev.kubicle.config.ConfigTesting.kubicle;
import static dev.kubicle.config.ConfigTesting.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.stream.Stream;

class MountRulesTest {

    private static String mount(String fields) {
        return kubicle("nodes:\n- extraMounts:\n  - " + fields + "\n");
    }

    static Stream<Arguments> invalidMounts() {
        String missing = Path.of(EXISTING_DIR, "kubicle-no-such-dir").toString();
        return Stream.of(
                Arguments.of("rejects a relative containerPath",
                        mount("{containerPath: data, hostPath: " + EXISTING_DIR + "}"),
                        "cluster.yaml: nodes[0].extraMounts[0].containerPath: \"data\" is a relative path;"
                                + " use an absolute path in the node, such as /data"),
                Arguments.of("rejects a mount without containerPath", mount("{hostPath: " + EXISTING_DIR + "}"),
                        "cluster.yaml: nodes[0].extraMounts[0].containerPath: is missing;"
                                + " set where the node sees the mount, such as /data"),
                Arguments.of("rejects a relative hostPath", mount("{containerPath: /data, hostPath: ./data}"),
                        "cluster.yaml: nodes[0].extraMounts[0].hostPath: \"./data\" is a relative path;"
                                + " use an absolute path, such as " + Path.of("data").toAbsolutePath()),
                Arguments.of("rejects a mount without hostPath", mount("{containerPath: /data}"),
                        "cluster.yaml: nodes[0].extraMounts[0].hostPath: is missing;"
                                + " set the directory or file on this machine to mount"),
                Arguments.of("rejects a hostPath missing on disk",
                        mount("{containerPath: /data, hostPath: " + missing + "}"),
                        "cluster.yaml: nodes[0].extraMounts[0].hostPath: " + missing + " does not exist on this"
                                + " machine; create it, or fix the path"),
                Arguments.of("rejects an unknown propagation",
                        mount("{containerPath: /data, hostPath: " + EXISTING_DIR + ", propagation: Shared}"),
                        "cluster.yaml: nodes[0].extraMounts[0].propagation: \"Shared\" is not a propagation mode;"
                                + " use None, HostToContainer or Bidirectional"),
                Arguments.of("rejects a propagation in the wrong case",
                        mount("{containerPath: /data, hostPath: " + EXISTING_DIR + ", propagation: none}"),
                        "cluster.yaml: nodes[0].extraMounts[0].propagation: \"none\" is not a propagation mode;"
                                + " use None, HostToContainer or Bidirectional"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidMounts")
    void reportsInvalidMounts(String behaviour, String yaml, String expectedLine) {
        assertThat(problems(yaml)).contains(expectedLine);
    }

    @ParameterizedTest(name = "accepts propagation {0}")
    @ValueSource(strings = {"None", "HostToContainer", "Bidirectional"})
    void acceptsEveryPropagationMode(String propagation) {
        assertThat(problems(mount("{containerPath: /data, hostPath: " + EXISTING_DIR + ", propagation: "
                + propagation + "}"))).isEmpty();
    }

    @Test
    void acceptsAReadOnlyMountOfAnExistingDirectory() {
        assertThat(problems(mount("{containerPath: /data, hostPath: " + EXISTING_DIR + ", readOnly: true,"
                + " selinuxRelabel: true}"))).isEmpty();
    }
}
