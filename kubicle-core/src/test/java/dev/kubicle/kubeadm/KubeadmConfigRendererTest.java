package dev.kubicle.kubeadm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubicle.ExitCode;
import dev.kubicle.json.YamlTrees;
import dev.kubicle.KubicleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

class KubeadmConfigRendererTest {

    @ParameterizedTest(name = "Kubernetes {0} gets kubeadm {1}")
    @CsvSource({"v1.23.0, v1beta3", "v1.30.13, v1beta3", "v1.31.0, v1beta4", "v1.31.0-rc.1+abc, v1beta4",
            "1.35.4, v1beta4", "v2.0.0, v1beta4"})
    void picksKubeadmsApiVersionByKubernetesVersion(String kubernetes, String kubeadm) {
        List<JsonNode> documents = render(Inputs.bootstrapControlPlane().version(kubernetes));

        assertThat(documents.get(0).path("apiVersion").asText()).isEqualTo("kubeadm.k8s.io/" + kubeadm);
        assertThat(documents.get(1).path("apiVersion").asText()).isEqualTo("kubeadm.k8s.io/" + kubeadm);
    }

    @ParameterizedTest(name = "{0} on cgroup v1: failCgroupV1 {1}")
    @CsvSource({"v1.30.2, <absent>", "v1.31.0, false", "v1.35.4, false"})
    void tellsTheKubeletToRunOnCgroupV1WhereItKnowsTheField(String kubernetes, String expected) {
        JsonNode kubelet = render(Inputs.bootstrapControlPlane().version(kubernetes)).get(2);

        assertThat(kubelet.has("failCgroupV1") ? kubelet.get("failCgroupV1").asText() : "<absent>")
                .isEqualTo(expected);
    }

    @Test
    void leavesFailCgroupV1AloneOnCgroupV2() {
        assertThat(render(Inputs.bootstrapControlPlane().hostCgroupV1(false)).get(2).has("failCgroupV1")).isFalse();
    }

    @Test
    void controlPlanesBehindALoadBalancerKeepLeaderElection() {
        String config = KubeadmConfigRenderer.render(Inputs.bootstrapControlPlane()
                .endpoint("kubicle-external-load-balancer:6443").build());

        assertThat(config).doesNotContain("leader-elect");
    }

    @Test
    void theOnlyControlPlaneRunsItsControllersWithoutLeaderElection() {
        JsonNode cluster = render(Inputs.bootstrapControlPlane()).get(0);

        for (String component : List.of("controllerManager", "scheduler")) {
            assertThat(cluster.path(component).path("extraArgs").toString())
                    .contains("{\"name\":\"leader-elect\",\"value\":\"false\"}");
        }
    }

    @ParameterizedTest(name = "Kubernetes {0}: extraEnvs {1}")
    @CsvSource({"v1.35.4, '[{\"name\":\"GOGC\",\"value\":\"50\"}]'",
            "v1.31.0, '[{\"name\":\"GOGC\",\"value\":\"50\"}]'",
            "v1.30.13, <absent>"})
    void theControlPlaneCollectsGarbageWhenItsHeapGrewByHalfWhereKubeadmTakesEnvironment(String kubernetes,
            String expected) {
        JsonNode cluster = render(Inputs.bootstrapControlPlane().version(kubernetes)).get(0);

        for (JsonNode component : List.of(cluster.path("apiServer"), cluster.path("controllerManager"),
                cluster.path("scheduler"), cluster.path("etcd").path("local"))) {
            JsonNode envs = component.path("extraEnvs");
            assertThat(envs.isMissingNode() ? "<absent>" : envs.toString()).isEqualTo(expected);
        }
    }

    @Test
    void refusesKubernetesOlderThanKubeadmsV1beta3() {
        assertThatThrownBy(() -> render(Inputs.bootstrapControlPlane().version("v1.22.17")))
                .isInstanceOfSatisfying(KubicleException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT))
                .hasMessage("the node image has Kubernetes v1.22.17, older than v1.23, the oldest kubicle can"
                        + " configure; use a node image of v1.23 or later");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "latest", "v1.35", "1.35.x"})
    void refusesAVersionItCannotRead(String version) {
        assertThatThrownBy(() -> render(Inputs.bootstrapControlPlane().version(version)))
                .isInstanceOfSatisfying(KubicleException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.UNEXPECTED_STATE))
                .hasMessageContaining("which is not a version like v1.35.4");
    }

    @Test
    void signsTheApiServerForEveryNameItIsReachedBy() {
        JsonNode cluster = render(Inputs.joiningControlPlane("kubicle-control-plane3", "172.18.0.6")
                .endpoint("kubicle-external-load-balancer:6443").apiServerAddress("192.168.1.20")).get(0);

        assertThat(texts(cluster.at("/apiServer/certSANs"))).containsExactly("localhost", "127.0.0.1",
                "192.168.1.20", "kubicle-external-load-balancer", "kubicle-control-plane3", "172.18.0.6");
    }

    @Test
    void takesTheHostOfAnIpv6Endpoint() {
        assertThat(KubeadmDocuments.endpointHost("[fc00::2]:6443")).isEqualTo("fc00::2");
        assertThat(KubeadmDocuments.endpointHost("kubicle-control-plane:6443")).isEqualTo("kubicle-control-plane");
    }

    @Test
    void advertisesTheFirstAddressOfADualStackNode() {
        List<JsonNode> documents = render(Inputs.bootstrapControlPlane().ipv6("172.18.0.2,fc00::2"));

        assertThat(documents.get(1).at("/localAPIEndpoint/advertiseAddress").asText()).isEqualTo("172.18.0.2");
        assertThat(documents.get(1).at("/nodeRegistration/kubeletExtraArgs/0/value").asText())
                .isEqualTo("172.18.0.2,fc00::2");
        assertThat(texts(documents.get(0).at("/apiServer/certSANs"))).contains("172.18.0.2", "fc00::2");
    }

    @Test
    void skipsTheKubeProxyAddonOnlyWhereKubeadmInitRuns() {
        List<JsonNode> bootstrap = render(Inputs.bootstrapControlPlane().kubeProxyMode("none"));
        List<JsonNode> worker = render(Inputs.worker("kubicle-worker", "172.18.0.3").kubeProxyMode("none"));

        assertThat(texts(bootstrap.get(1).path("skipPhases"))).containsExactly("preflight", "addon/kube-proxy");
        assertThat(texts(worker.get(1).path("skipPhases"))).containsExactly("preflight");
        assertThat(bootstrap).extracting(document -> document.path("kind").asText())
                .doesNotContain("KubeProxyConfiguration");
    }

    @Test
    void refusesNftablesWhereKubeProxyLacksIt() {
        assertThatThrownBy(() -> render(Inputs.bootstrapControlPlane().version("v1.28.9").kubeProxyMode("nftables")))
                .isInstanceOfSatisfying(KubicleException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT))
                .hasMessage("networking.kubeProxyMode: nftables needs Kubernetes v1.29 or later, and the node image"
                        + " has v1.28.9; use iptables, or a newer node image");
    }

    @Test
    void givesAJoiningWorkerNoControlPlaneSection() {
        JsonNode join = render(Inputs.worker("kubicle-worker", "172.18.0.3")).get(1);

        assertThat(join.path("kind").asText()).isEqualTo("JoinConfiguration");
        assertThat(join.has("controlPlane")).isFalse();
    }

    @Test
    void keepsStringsThatYamlCouldReadAsOtherTypesStrings() {
        List<String> tricky = List.of("0x1F", "1:20", "012", "1e3", "yes", "No", "~", "null", "true", ".5", "- a",
                "a: b", "#c", "", " padded ", "1_000", "0o17", "@at", "`tick", "multi\nline");
        StringBuilder patch = new StringBuilder("kind: KubeletConfiguration\nproviderID:\n");
        for (int i = 0; i < tricky.size(); i++) {
            patch.append("  k").append(i).append(": '").append(tricky.get(i).replace("\n", "\n\n")).append("'\n");
        }
        String yaml = KubeadmConfigRenderer.render(Inputs.bootstrapControlPlane().build(),
                List.of(new KubeadmPatches("", List.of(patch.toString()), List.of())));

        JsonNode values = YamlTrees.readAll(yaml).get(2).path("providerID");
        for (int i = 0; i < tricky.size(); i++) {
            assertThat(values.get("k" + i).isTextual()).as(tricky.get(i)).isTrue();
            assertThat(values.get("k" + i).asText()).isEqualTo(tricky.get(i));
        }
    }

    @Test
    void rendersTheSameTextForTheSameInputWhateverTheMapOrder() {
        Map<String, String> labels = Map.of("a", "1", "b", "2", "c", "3", "d", "4");
        String first = KubeadmConfigRenderer.render(Inputs.bootstrapControlPlane().labels(labels).build());
        String second = KubeadmConfigRenderer.render(
                Inputs.bootstrapControlPlane().labels(new HashMap<>(labels)).build());

        assertThat(first).isEqualTo(second).contains("value: \"a=1,b=2,c=3,d=4\"");
    }

    private static List<JsonNode> render(Inputs inputs) {
        return YamlTrees.readAll(KubeadmConfigRenderer.render(inputs.build()));
    }

    private static List<String> texts(JsonNode list) {
        return StreamSupport.stream(list.spliterator(), false).map(JsonNode::asText).toList();
    }
}
