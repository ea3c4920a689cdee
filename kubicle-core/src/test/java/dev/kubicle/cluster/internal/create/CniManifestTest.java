package dev.kubicle.cluster.internal.create;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubicle.KubicleException;
import dev.kubicle.json.YamlTrees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CniManifestTest {
    private static final String ENDPOINT = "dev-control-plane:6443";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "value: {{ .PodSubnet }}|value: 10.244.0.0/16",
            "value: {{.PodSubnet}}|value: 10.244.0.0/16",
            "value: {{ $.PodSubnet }}|value: 10.244.0.0/16",
            "value: \"{{ .PodSubnet }}\"|value: \"10.244.0.0/16\"",
            "value:   {{- .PodSubnet }}|value:10.244.0.0/16",
            "value: {{ .PodSubnet -}}   # trailing|value: 10.244.0.0/16# trailing",
            "value: x{{/* a comment */}}|value: x"})
    void aMarkedManifestIsAGoTemplateOfThePodSubnet(String line, String expected) {
        String manifest = "# " + CniManifest.TEMPLATE_MARKER + "\n" + line + "\n";

        assertThat(CniManifest.prepare(manifest, "10.244.0.0/16", ENDPOINT))
                .isEqualTo("# " + CniManifest.TEMPLATE_MARKER + "\n" + expected + "\n");
    }

    /** kind fills in only a marked manifest; unmarked, its DaemonSet got the placeholder as its pod subnet. */
    @Test
    void kubiclesOwnManifestIsMarkedSoThatKindFillsInItsPodSubnet() throws IOException {
        String manifest;
        try (InputStream in = CniManifest.class.getResourceAsStream(
                "/dev/kubicle/nodeimage/kubernetes/manifests/default-cni.yaml")) {
            manifest = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(manifest).contains(CniManifest.TEMPLATE_MARKER);
        assertThat(CniManifest.prepare(manifest, "10.244.0.0/16", ENDPOINT))
                .contains("value: \"10.244.0.0/16\"")
                .doesNotContain("{{");
    }

    @Test
    void aMarkedManifestWithAnotherActionIsRefused() {
        String manifest = "# " + CniManifest.TEMPLATE_MARKER + "\nvalue: {{ .Mtu }}\n";

        assertThatThrownBy(() -> CniManifest.prepare(manifest, "10.244.0.0/16", ENDPOINT))
                .isInstanceOf(KubicleException.class)
                .hasMessageContaining("{{ .Mtu }}")
                .hasMessageContaining("disableDefaultCNI");
    }

    @Test
    void anUnmarkedManifestGetsItsPodSubnetAndKeepsEverythingElse() {
        String manifest = "value: \"{{ .PodSubnet }}\"\nscript: echo {{ .Other }}\n";

        assertThat(CniManifest.prepare(manifest, "10.244.0.0/16,fd00:10:244::/56", ENDPOINT))
                .isEqualTo("value: \"10.244.0.0/16,fd00:10:244::/56\"\nscript: echo {{ .Other }}\n");
    }

    @Test
    void aManifestMarkedForPatchingTellsTheDaemonSetWhereTheApiServerIs() {
        String manifest = """
                # %s
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: kindnet
                ---
                apiVersion: apps/v1
                kind: DaemonSet
                metadata:
                  name: kindnet
                spec:
                  template:
                    spec:
                      containers:
                      - name: kindnet-cni
                        env:
                        - name: POD_SUBNET
                          value: 10.244.0.0/16
                """.formatted(CniManifest.PATCH_MARKER);

        List<JsonNode> patched = YamlTrees.readAll(CniManifest.prepare(manifest, "10.244.0.0/16", ENDPOINT));

        assertThat(patched).extracting(document -> document.path("kind").asText())
                .containsExactly("ServiceAccount", "DaemonSet");
        assertThat(patched.get(1).at("/spec/template/spec/containers/0/env").toString()).isEqualTo(
                "[{\"name\":\"POD_SUBNET\",\"value\":\"10.244.0.0/16\"},"
                        + "{\"name\":\"CONTROL_PLANE_ENDPOINT\",\"value\":\"dev-control-plane:6443\"}]");
    }

    @Test
    void aDaemonSetThatCannotTakeTheEndpointIsReportedWithTheWayOut() {
        String manifest = "# " + CniManifest.PATCH_MARKER + "\napiVersion: apps/v1\nkind: DaemonSet\nspec: {}\n";

        assertThatThrownBy(() -> CniManifest.prepare(manifest, "10.244.0.0/16", ENDPOINT))
                .isInstanceOf(KubicleException.class)
                .hasMessageContaining("cannot tell the node image's CNI the API server's endpoint")
                .hasMessageContaining("disableDefaultCNI");
    }
}
