package dev.kubicle.kubeadm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubicle.config.PatchJson6902;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Rendered configs compared with the files in src/test/resources/kubeadm. After a deliberate change, run with
 * {@code -Dkubicle.updateGolden=true} to rewrite the files, then read the diff before committing it.
 */
class KubeadmConfigGoldenTest {
    private static final Path GOLDEN_DIR = Path.of("src", "test", "resources", "kubeadm");
    private static final boolean UPDATE = Boolean.getBoolean("kubicle.updateGolden");

    static Stream<Arguments> configs() {
        return Stream.of(
                golden("bootstrap-control-plane-v1.35.4", Inputs.bootstrapControlPlane()),
                golden("worker-join-v1.35.4", Inputs.worker("kubicle-worker", "172.18.0.3")),
                golden("control-plane-join-v1.35.4",
                        Inputs.joiningControlPlane("kubicle-control-plane2", "172.18.0.4")
                                .endpoint("kubicle-external-load-balancer:6443")),
                golden("bootstrap-control-plane-v1.29.2-v1beta3", Inputs.bootstrapControlPlane().version("v1.29.2")
                        .featureGates(Map.of("InPlacePodVerticalScaling", true, "SidecarContainers", false))
                        .runtimeConfig(Map.of("api/alpha", "false"))),
                golden("worker-join-v1.29.2-v1beta3", Inputs.worker("kubicle-worker", "172.18.0.3")
                        .version("v1.29.2").labels(Map.of("tier", "backend"))),
                golden("kube-proxy-none", Inputs.bootstrapControlPlane().kubeProxyMode("none")),
                golden("nftables-cgroup-v2", Inputs.bootstrapControlPlane().kubeProxyMode("nftables")
                        .hostCgroupV1(false)),
                golden("ipv6", Inputs.bootstrapControlPlane().ipv6("fc00:f853:ccd:e793::2")),
                golden("worker-with-labels", Inputs.worker("kubicle-worker2", "172.18.0.5")
                        .labels(Map.of("ingress-ready", "true", "topology.kubernetes.io/zone", "zone-a"))),
                Arguments.of("patched-bootstrap-control-plane", Inputs.bootstrapControlPlane().build(),
                        List.of(clusterPatches(), nodePatches())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void rendersTheConfigInTheGoldenFile(String name, KubeadmConfigInput input, List<KubeadmPatches> patches)
            throws IOException {
        String rendered = KubeadmConfigRenderer.render(input, patches);
        Path golden = GOLDEN_DIR.resolve(name + ".yaml");
        if (UPDATE) {
            Files.writeString(golden, rendered, StandardCharsets.UTF_8);
        }
        assertThat(golden).exists();
        assertThat(rendered).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    private static Arguments golden(String name, Inputs inputs) {
        return Arguments.of(name, inputs.build(), List.of());
    }

    /**
     * Written as for kind: a v1beta3-style map of arguments (merged by name into v1beta4's list), extra SANs, a field
     * deleted with null, and JSON6902 operations on list items by index and at the end.
     */
    private static KubeadmPatches clusterPatches() {
        String merge = """
                kind: ClusterConfiguration
                apiServer:
                  certSANs: [api.example.test]
                  extraArgs:
                    enable-admission-plugins: NodeRestriction,PodNodeSelector
                networking:
                  dnsDomain: cluster.test
                ---
                apiVersion: kubelet.config.k8s.io/v1beta1
                kind: KubeletConfiguration
                maxPods: 50
                evictionHard:
                  imagefs.available: null
                """;
        PatchJson6902 sans = new PatchJson6902("kubeadm.k8s.io", "v1beta4", "ClusterConfiguration", """
                - {op: test, path: /apiServer/certSANs/0, value: localhost}
                - {op: add, path: /apiServer/certSANs/-, value: a.example.test}
                - {op: add, path: /apiServer/certSANs/0, value: first.example.test}
                - {op: replace, path: /apiServer/certSANs/6, value: b.example.test}
                - {op: remove, path: /apiServer/certSANs/5}
                - {op: add, path: /apiServer/extraArgs/-, value: {name: audit-log-maxage, value: "3"}}
                """);
        PatchJson6902 proxy = new PatchJson6902("kubeproxy.config.k8s.io", "v1alpha1", "KubeProxyConfiguration", """
                [{"op": "replace", "path": "/iptables/minSyncPeriod", "value": "5s"},
                 {"op": "add", "path": "/nftables", "value": {}},
                 {"op": "copy", "from": "/iptables/minSyncPeriod", "path": "/nftables/minSyncPeriod"}]
                """);
        return new KubeadmPatches("", List.of(merge), List.of(sans, proxy));
    }

    /** The node's own patches come after the cluster's; the JoinConfiguration one finds nothing on this node. */
    private static KubeadmPatches nodePatches() {
        String merge = """
                apiVersion: kubeadm.k8s.io/v1beta4
                kind: InitConfiguration
                nodeRegistration:
                  kubeletExtraArgs:
                  - name: v
                    value: 4
                """;
        PatchJson6902 init = new PatchJson6902("kubeadm.k8s.io", "v1beta4", "InitConfiguration",
                "[{op: move, from: /nodeRegistration/kubeletExtraArgs/2, path: /nodeRegistration/kubeletExtraArgs/0}]");
        PatchJson6902 join = new PatchJson6902("kubeadm.k8s.io", "v1beta4", "JoinConfiguration",
                "[{op: remove, path: /discovery}]");
        return new KubeadmPatches("nodes[0]", List.of(merge), List.of(init, join));
    }
}
