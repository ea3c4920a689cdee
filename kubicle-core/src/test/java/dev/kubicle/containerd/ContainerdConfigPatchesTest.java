package dev.kubicle.containerd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

class ContainerdConfigPatchesTest {
    /** The config every kubicle node starts with. */
    private static final String NODE_CONFIG = resource("/dev/kubicle/nodeimage/base/files/etc/containerd/config.toml");
    private static final String CRI = "/plugins/io.containerd.grpc.v1.cri";

    @Test
    void aTomlPatchMergesIntoNestedTablesAndKeepsTheirOtherKeys() {
        JsonNode patched = patch(List.of("""
                [plugins."io.containerd.grpc.v1.cri".containerd]
                  snapshotter = "native"
                """), List.of());

        assertThat(patched.at(CRI + "/containerd/snapshotter").asText()).isEqualTo("native");
        assertThat(patched.at(CRI + "/containerd/default_runtime_name").asText()).isEqualTo("runc");
        assertThat(patched.at(CRI + "/containerd/runtimes/runc/options/SystemdCgroup").asBoolean()).isTrue();
        assertThat(patched.at(CRI + "/sandbox_image"))
                .isEqualTo(ContainerdToml.read(NODE_CONFIG).at(CRI + "/sandbox_image"));
    }

    @Test
    void aTomlPatchAddsTablesWhoseNamesNeedQuotes() {
        JsonNode patched = patch(List.of("""
                [plugins."io.containerd.grpc.v1.cri".registry.mirrors."kubicle.invalid:5000"]
                  endpoint = ["http://127.0.0.1:5000"]
                [plugins."io.containerd.grpc.v1.cri"]
                  max_container_log_line_size = 12345
                """), List.of());

        assertThat(patched.at(CRI + "/registry/mirrors").fieldNames()).toIterable()
                .containsExactly("kubicle.invalid:5000");
        assertThat(patched.at(CRI + "/registry/mirrors/kubicle.invalid:5000/endpoint/0").asText())
                .isEqualTo("http://127.0.0.1:5000");
        assertThat(patched.at(CRI + "/max_container_log_line_size").isIntegralNumber()).isTrue();
        assertThat(patched.at(CRI + "/max_container_log_line_size").asInt()).isEqualTo(12345);
    }

    @Test
    void laterPatchesWinAndArraysAreReplacedWholeNotMerged() {
        String mirror = "[plugins.\"io.containerd.grpc.v1.cri\".registry.mirrors.\"docker.io\"]\n";
        JsonNode patched = patch(List.of(
                mirror + "endpoint = [\"http://a:5000\", \"http://b:5000\"]\n",
                mirror + "endpoint = [\"http://c:5000\"]\n"), List.of());

        assertThat(patched.at(CRI + "/registry/mirrors/docker.io/endpoint")).containsExactly(text("http://c:5000"));
    }

    @Test
    void aTomlPatchForAnotherConfigVersionIsSkipped() {
        JsonNode patched = patch(List.of(
                "version = 3\n[plugins.\"io.containerd.cri.v1.images\"]\n  snapshotter = \"native\"\n",
                "version = 2\n[plugins.\"io.containerd.grpc.v1.cri\".containerd]\n  snapshotter = \"native\"\n"),
                List.of());

        assertThat(patched.at("/version").asInt()).isEqualTo(2);
        assertThat(patched.at("/plugins/io.containerd.cri.v1.images").isMissingNode()).isTrue();
        assertThat(patched.at(CRI + "/containerd/snapshotter").asText()).isEqualTo("native");
    }

    @Test
    void jsonPatchesApplyAfterAllTomlPatchesAndInOrder() {
        JsonNode patched = patch(
                List.of("[plugins.\"io.containerd.grpc.v1.cri\"]\nmax_container_log_line_size = 100\n"),
                List.of("[{op: test, path: " + CRI + "/max_container_log_line_size, value: 100},"
                                + " {op: replace, path: " + CRI + "/max_container_log_line_size, value: 200}]",
                        "[{\"op\": \"remove\", \"path\": \"" + CRI + "/containerd/discard_unpacked_layers\"},"
                                + " {\"op\": \"add\", \"path\": \"" + CRI + "/cni/extra\", \"value\": [1, 2]}]"));

        assertThat(patched.at(CRI + "/max_container_log_line_size").asInt()).isEqualTo(200);
        assertThat(patched.at(CRI + "/containerd/discard_unpacked_layers").isMissingNode()).isTrue();
        assertThat(patched.at(CRI + "/cni/extra")).hasSize(2);
    }

    @Test
    void theWrittenConfigHoldsEveryValueOfTheOriginal() {
        ContainerdConfigPatches patches = ContainerdConfigPatches.parse(
                List.of("[plugins.\"io.containerd.grpc.v1.cri\"]\nmax_container_log_line_size = 1\n"), List.of());
        ObjectNode expected = ContainerdToml.read(NODE_CONFIG);
        ((ObjectNode) expected.at(CRI)).put("max_container_log_line_size", 1);

        String written = patches.applyTo(NODE_CONFIG, "n1");

        assertThat(ContainerdToml.read(written)).isEqualTo(expected);
        assertThat(written).endsWith("max_container_log_line_size = 1\n");
    }

    @Test
    void aJsonPatchThatDoesNotApplyNamesItsIndexAndTheFix() {
        ContainerdConfigPatches patches = ContainerdConfigPatches.parse(List.of(),
                List.of("[{op: add, path: /version, value: 2}]", "[{op: test, path: /version, value: 3}]"));

        assertThatThrownBy(() -> patches.applyTo(NODE_CONFIG, "n1"))
                .isInstanceOfSatisfying(KubicleException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
                    assertThat(e.getMessage()).isEqualTo("containerdConfigPatchesJSON6902[1] (node n1): operation 1"
                            + " (test /version): the value at /version is 2, not 3; the test guards the operations"
                            + " after it; adjust the test or the patch");
                });
    }

    @Test
    void aJsonPatchWithAMissingPathSaysWhatToCompareItWith() {
        ContainerdConfigPatches patches = ContainerdConfigPatches.parse(List.of(),
                List.of("[{op: replace, path: /plugins/nope/x, value: 1}]"));

        assertThatThrownBy(() -> patches.applyTo(NODE_CONFIG, "n1"))
                .hasMessageStartingWith("containerdConfigPatchesJSON6902[0] (node n1): operation 1 (replace"
                        + " /plugins/nope/x): /plugins has no field \"nope\"; compare the path with"
                        + " /etc/containerd/config.toml in the node image");
    }

    @Test
    void aNullLeftByAJsonPatchIsRefusedForTomlHasNone() {
        ContainerdConfigPatches patches = ContainerdConfigPatches.parse(List.of(),
                List.of("[{op: add, path: /plugins/a~1b, value: {c: null}}]"));

        assertThatThrownBy(() -> patches.applyTo(NODE_CONFIG, "n1"))
                .hasMessage("containerdConfigPatchesJSON6902[0] (node n1): leaves null at /plugins/a~1b/c, which"
                        + " TOML cannot hold; remove the key with a remove operation instead");
    }

    @Test
    void patchesThatDoNotParseAreRefusedBeforeAnyNodeIsTouched() {
        assertThatThrownBy(() -> ContainerdConfigPatches.parse(List.of("a = 1\n", "a = 1\na = 2\n"), List.of()))
                .isInstanceOfSatisfying(KubicleException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT))
                .hasMessageStartingWith("containerdConfigPatches[1]: is not valid TOML (Duplicate key");
        assertThatThrownBy(() -> ContainerdConfigPatches.parse(List.of(), List.of("[{op: nope}]")))
                .hasMessageStartingWith("containerdConfigPatchesJSON6902[0]: operation 1 has op \"nope\"");
    }

    @Test
    void isEmptyOnlyWithoutAnyPatch() {
        assertThat(ContainerdConfigPatches.parse(List.of(), List.of()).isEmpty()).isTrue();
        assertThat(ContainerdConfigPatches.parse(List.of(), List.of("[]")).isEmpty()).isFalse();
        assertThat(ContainerdConfigPatches.parse(List.of("a = 1"), List.of()).isEmpty()).isFalse();
    }

    private static JsonNode patch(List<String> tomlPatches, List<String> jsonPatches) {
        String written = ContainerdConfigPatches.parse(tomlPatches, jsonPatches).applyTo(NODE_CONFIG, "n1");
        return ContainerdToml.read(written);
    }

    private static JsonNode text(String value) {
        return ContainerdToml.read("v = \"" + value + "\"").get("v");
    }

    private static String resource(String name) {
        try (InputStream in = ContainerdConfigPatchesTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
