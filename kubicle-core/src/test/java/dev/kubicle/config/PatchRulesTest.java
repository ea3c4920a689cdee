package dev.kubicle.config;

import static dev.kubicle.config.ConfigTesting.kubicle;
import static dev.kubicle.config.ConfigTesting.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

class PatchRulesTest {
    private static final String KUBEADM_KINDS = "ClusterConfiguration, InitConfiguration, JoinConfiguration,"
            + " KubeletConfiguration or KubeProxyConfiguration";
    private static final String JSON_PATCH_FIX =
            "write a list of RFC 6902 operations, such as [{op: add, path: /a/b, value: c}]";

    static Stream<Arguments> invalidPatches() {
        return Stream.of(
                Arguments.of("rejects a kubeadm patch that is not YAML",
                        "kubeadmConfigPatches:\n- |\n  kind: ClusterConfiguration\n  apiServer: {extraArgs: [}\n",
                        "cluster.yaml: kubeadmConfigPatches[0]: is not valid YAML at line 2 of the patch:"),
                Arguments.of("rejects a kubeadm patch that is not a mapping",
                        "kubeadmConfigPatches:\n- just some text\n",
                        "cluster.yaml: kubeadmConfigPatches[0]: is not a YAML mapping;"
                                + " write the fields to change as field: value lines"),
                Arguments.of("rejects a kubeadm patch without a kind, which would patch nothing",
                        "kubeadmConfigPatches:\n- |\n  apiServer:\n    certSANs: [a]\n",
                        "cluster.yaml: kubeadmConfigPatches[0]: has no kind, so it would patch nothing; add kind: "
                                + KUBEADM_KINDS),
                Arguments.of("rejects a kind-less document in a multi-document kubeadm patch",
                        "kubeadmConfigPatches:\n- |\n  kind: InitConfiguration\n  ---\n  a: b\n",
                        "cluster.yaml: kubeadmConfigPatches[0]: has no kind, so it would patch nothing; add kind: "
                                + KUBEADM_KINDS),
                Arguments.of("rejects an empty kubeadm patch", "kubeadmConfigPatches:\n- \"\"\n",
                        "cluster.yaml: kubeadmConfigPatches[0]: is empty; write the patch, or remove the entry"),
                Arguments.of("checks the kubeadm patches of nodes too",
                        "nodes:\n- kubeadmConfigPatches:\n  - 'kind: [InitConfiguration'\n",
                        "cluster.yaml: nodes[0].kubeadmConfigPatches[0]: is not valid YAML at line 1 of the patch:"),
                Arguments.of("rejects a JSON6902 patch without a kind",
                        "kubeadmConfigPatchesJSON6902:\n- {group: kubeadm.k8s.io, version: v1beta4,"
                                + " patch: '[{op: remove, path: /a}]'}\n",
                        "cluster.yaml: kubeadmConfigPatchesJSON6902[0].kind: is missing;"
                                + " name the kubeadm kind to patch: " + KUBEADM_KINDS),
                Arguments.of("rejects a JSON6902 patch without operations",
                        "kubeadmConfigPatchesJSON6902:\n- {kind: ClusterConfiguration}\n",
                        "cluster.yaml: kubeadmConfigPatchesJSON6902[0].patch: is missing;"
                                + " write the RFC 6902 operations to apply"),
                Arguments.of("rejects a JSON6902 patch that is not a list",
                        "kubeadmConfigPatchesJSON6902:\n- {kind: ClusterConfiguration, patch: 'op: add'}\n",
                        "cluster.yaml: kubeadmConfigPatchesJSON6902[0].patch: is not a list of operations; "
                                + JSON_PATCH_FIX),
                Arguments.of("rejects an unknown JSON6902 op on a node",
                        "nodes:\n- kubeadmConfigPatchesJSON6902:\n  - kind: JoinConfiguration\n"
                                + "    patch: '[{\"op\": \"delete\", \"path\": \"/a\"}]'\n",
                        "cluster.yaml: nodes[0].kubeadmConfigPatchesJSON6902[0].patch: operation 1 has op \"delete\","
                                + " which is not one of add, remove, replace, move, copy, test; " + JSON_PATCH_FIX),
                Arguments.of("rejects a JSON6902 path without a leading slash",
                        "containerdConfigPatchesJSON6902:\n- '[{op: remove, path: a/b}]'\n",
                        "cluster.yaml: containerdConfigPatchesJSON6902[0]: operation 1 has path \"a/b\", which does"
                                + " not start with /; " + JSON_PATCH_FIX),
                Arguments.of("rejects a JSON6902 add without a value",
                        "containerdConfigPatchesJSON6902:\n- '[{op: remove, path: /a}, {op: add, path: /b}]'\n",
                        "cluster.yaml: containerdConfigPatchesJSON6902[0]: operation 2 (add) has no value; "
                                + JSON_PATCH_FIX),
                Arguments.of("rejects a JSON6902 move without a from",
                        "containerdConfigPatchesJSON6902:\n- '[{op: move, path: /a}]'\n",
                        "cluster.yaml: containerdConfigPatchesJSON6902[0]: operation 1 has no from; "
                                + JSON_PATCH_FIX),
                Arguments.of("rejects a JSON6902 patch that is not valid JSON",
                        "containerdConfigPatchesJSON6902:\n- '[{\"op\": \"remove\", \"path\": \"/a\"'\n",
                        "cluster.yaml: containerdConfigPatchesJSON6902[0]: is not valid YAML or JSON at line 1 of"
                                + " the patch:"),
                Arguments.of("rejects a containerd patch written as YAML instead of TOML",
                        "containerdConfigPatches:\n- |\n  plugins:\n    cri: {}\n",
                        "cluster.yaml: containerdConfigPatches[0]: is not valid TOML at line 1: expected '=' after"
                                + " the key (TOML uses '=' where YAML uses ':'); containerd patches are TOML, such as"
                                + " [plugins.\"io.containerd.grpc.v1.cri\"] on one line and key = \"value\" lines"
                                + " below it"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidPatches")
    void reportsInvalidPatches(String behaviour, String body, String expectedLine) {
        assertThat(problems(kubicle(body))).anySatisfy(line -> assertThat(line).startsWith(expectedLine));
    }

    @Test
    void acceptsThePatchesOfKindsDocumentation() {
        String body = """
                kubeadmConfigPatches:
                - |
                  kind: InitConfiguration
                  nodeRegistration:
                    kubeletExtraArgs:
                      node-labels: "ingress-ready=true"
                - |
                  kind: ClusterConfiguration
                  ---
                  kind: KubeletConfiguration
                  maxPods: 200
                kubeadmConfigPatchesJSON6902:
                - group: kubeadm.k8s.io
                  version: v1beta4
                  kind: ClusterConfiguration
                  patch: |
                    - op: add
                      path: /apiServer/certSANs/-
                      value: my-hostname
                    - op: copy
                      from: /a
                      path: /b
                containerdConfigPatches:
                - |-
                  [plugins."io.containerd.grpc.v1.cri".registry.mirrors."localhost:5000"]
                    endpoint = ["http://kind-registry:5000"]
                containerdConfigPatchesJSON6902:
                - '[{"op": "replace", "path": "/version", "value": 3}]'
                """;

        assertThat(problems(kubicle(body))).isEmpty();
    }
}
