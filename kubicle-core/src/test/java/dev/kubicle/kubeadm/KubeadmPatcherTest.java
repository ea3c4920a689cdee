package dev.kubicle.kubeadm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.config.PatchJson6902;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

class KubeadmPatcherTest {
    private static final String CONFIG = """
            apiVersion: kubeadm.k8s.io/v1beta4
            kind: ClusterConfiguration
            clusterName: kubicle
            apiServer:
              certSANs: [localhost]
            ---
            apiVersion: kubeadm.k8s.io/v1beta4
            kind: JoinConfiguration
            nodeRegistration:
              name: kubicle-worker
            ---
            apiVersion: kubelet.config.k8s.io/v1beta1
            kind: KubeletConfiguration
            cgroupDriver: systemd
            """;

    @Test
    void appliesTheClusterPatchesBeforeTheNodes() {
        KubeadmPatches cluster = merge("", "{kind: KubeletConfiguration, maxPods: 50, cgroupDriver: cgroupfs}");
        KubeadmPatches node = merge("nodes[1]", "{kind: KubeletConfiguration, maxPods: 60}");

        String patched = KubeadmPatcher.apply(CONFIG, List.of(cluster, node), "kubicle-worker");

        assertThat(patched).contains("cgroupDriver: cgroupfs\nmaxPods: 60\n");
    }

    @Test
    void appliesMergePatchesBeforeJsonPatchesOfTheSameLevel() {
        KubeadmPatches level = new KubeadmPatches("", List.of("{kind: ClusterConfiguration, x: {w: 1}}"),
                List.of(json("kubeadm.k8s.io", "v1beta4", "ClusterConfiguration",
                        "[{op: replace, path: /x/w, value: 2}]")));

        assertThat(KubeadmPatcher.apply(CONFIG, List.of(level), "n")).contains("x:\n  w: 2\n");
    }

    @Test
    void matchesMergePatchesOnKindAndGroupButNotVersion() {
        KubeadmPatches patches = merge("", """
                apiVersion: kubeadm.k8s.io/v1beta3
                kind: ClusterConfiguration
                clusterName: from-v1beta3
                ---
                apiVersion: example.com/v1beta4
                kind: ClusterConfiguration
                clusterName: from-another-group
                ---
                kind: JoinConfiguration
                nodeRegistration: {taints: []}
                """);

        String patched = KubeadmPatcher.apply(CONFIG, List.of(patches), "n");

        assertThat(patched).contains("clusterName: from-v1beta3").contains("taints: []")
                .startsWith("apiVersion: kubeadm.k8s.io/v1beta4\n");
    }

    @Test
    void skipsPatchesForKindsTheNodeDoesNotHave() {
        KubeadmPatches patches = new KubeadmPatches("", List.of("{kind: InitConfiguration, a: 1}"),
                List.of(json("kubeadm.k8s.io", "v1beta4", "InitConfiguration", "[{op: remove, path: /nope}]")));

        assertThat(KubeadmPatcher.apply(CONFIG, List.of(patches), "n"))
                .isEqualTo(KubeadmPatcher.apply(CONFIG, List.of(), "n"));
    }

    @Test
    void appliesAJsonPatchWithoutGroupOrVersionToEveryVersionOfItsKind() {
        KubeadmPatches patches = new KubeadmPatches("", List.of(),
                List.of(json(null, "", "KubeletConfiguration", "[{op: add, path: /maxPods, value: 7}]")));

        assertThat(KubeadmPatcher.apply(CONFIG, List.of(patches), "n")).contains("maxPods: 7");
    }

    @Test
    void passesAConfigThatCarriesJsonPatchesForBothKubeadmVersions() {
        KubeadmPatches patches = new KubeadmPatches("", List.of(), List.of(
                json("kubeadm.k8s.io", "v1beta3", "ClusterConfiguration", "[{op: add, path: /apiServer/a, value: 3}]"),
                json("kubeadm.k8s.io", "v1beta4", "ClusterConfiguration", "[{op: add, path: /apiServer/a, value: 4}]")
        ));

        assertThat(KubeadmPatcher.apply(CONFIG, List.of(patches), "n")).contains("  a: 4\n").doesNotContain("a: 3");
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("a merge patch that is not YAML", merge("", "kind: [x"),
                        "kubeadmConfigPatches[0]: is not valid YAML (line "),
                Arguments.of("a merge patch document without a kind", merge("nodes[2]", "kind: KubeletConfiguration\n"
                                + "---\nmaxPods: 3\n"),
                        "nodes[2].kubeadmConfigPatches[0] document 2: has no kind, so it would patch nothing;"
                                + " add kind: ClusterConfiguration, InitConfiguration, JoinConfiguration,"
                                + " KubeletConfiguration or KubeProxyConfiguration"),
                Arguments.of("a merge patch that is a list", merge("", "[a, b]"),
                        "kubeadmConfigPatches[0]: is a list, not a mapping;"),
                Arguments.of("arguments a merge patch cannot hold",
                        merge("", "{kind: JoinConfiguration, nodeRegistration: {kubeletExtraArgs: [v]}}"),
                        "kubeadmConfigPatches[0] (JoinConfiguration, node kubicle-worker):"
                                + " nodeRegistration.kubeletExtraArgs[0] has no name; write arguments as"),
                Arguments.of("a JSON patch that does not apply",
                        jsonLevel("nodes[1]", json("kubeadm.k8s.io", "v1beta4", "ClusterConfiguration",
                                "[{op: remove, path: /apiServer/certSANs/3}]")),
                        "nodes[1].kubeadmConfigPatchesJSON6902[0] (ClusterConfiguration, node kubicle-worker):"
                                + " operation 1 (remove /apiServer/certSANs/3): /apiServer/certSANs has 1 item,"
                                + " so there is no item 3; give the index of an existing item, counted from 0"),
                Arguments.of("a JSON patch that is not a list", jsonLevel("", json("", "", "JoinConfiguration",
                                "{op: add}")),
                        "kubeadmConfigPatchesJSON6902[0].patch: is not a list of operations; write a list of RFC 6902"),
                Arguments.of("a JSON patch without a kind", jsonLevel("", json("kubeadm.k8s.io", "v1beta4", null,
                                "[]")),
                        "kubeadmConfigPatchesJSON6902[0].kind: is missing; name the kubeadm kind to patch:"),
                Arguments.of("a JSON patch that leaves no mapping", jsonLevel("", json("", "", "KubeletConfiguration",
                                "[{op: replace, path: '', value: [1]}]")),
                        "kubeadmConfigPatchesJSON6902[0] (KubeletConfiguration, node kubicle-worker): leaves the"
                                + " document a list, not a mapping"),
                Arguments.of("a JSON patch written for kind's v1beta3 only",
                        jsonLevel("", json("kubeadm.k8s.io", "v1beta3", "ClusterConfiguration",
                                "[{op: add, path: /apiServer/extraArgs/v, value: '4'}]")),
                        "kubeadmConfigPatchesJSON6902[0] (ClusterConfiguration, node kubicle-worker): targets"
                                + " kubeadm.k8s.io/v1beta3, but this node's ClusterConfiguration is"
                                + " kubeadm.k8s.io/v1beta4; write the patch for version v1beta4"));
    }

    @ParameterizedTest(name = "reports {0}")
    @MethodSource("failures")
    void reportsWhichPatchFailedWhyAndWhatToDo(String name, KubeadmPatches patches, String message) {
        assertThatThrownBy(() -> KubeadmPatcher.apply(CONFIG, List.of(patches), "kubicle-worker"))
                .isInstanceOfSatisfying(KubicleException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
                    assertThat(e.getMessage()).startsWith(message);
                });
    }

    private static KubeadmPatches merge(String origin, String patch) {
        return new KubeadmPatches(origin, List.of(patch), List.of());
    }

    private static KubeadmPatches jsonLevel(String origin, PatchJson6902 patch) {
        return new KubeadmPatches(origin, List.of(), List.of(patch));
    }

    private static PatchJson6902 json(String group, String version, String kind, String patch) {
        return new PatchJson6902(group, version, kind, patch);
    }
}
