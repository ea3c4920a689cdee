package dev.kubicle.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

class ConfigPrinterTest {

    @Test
    void printsTheDefaultClusterWithKindsFieldNames() {
        assertThat(ConfigPrinter.toYaml(ConfigFiles.defaultCluster())).isEqualTo("""
                apiVersion: kubicle.dev/v1alpha1
                kind: Cluster
                name: kubicle
                featureGates: {}
                runtimeConfig: {}
                networking:
                  ipFamily: ipv4
                  apiServerAddress: 127.0.0.1
                  apiServerPort: 0
                  podSubnet: 10.244.0.0/16
                  serviceSubnet: 10.96.0.0/16
                  disableDefaultCNI: false
                  kubeProxyMode: iptables
                nodes:
                - role: control-plane
                  image: kubicle/node:v1.37.2
                  labels: {}
                  extraMounts: []
                  extraPortMappings: []
                  kubeadmConfigPatches: []
                  kubeadmConfigPatchesJSON6902: []
                kubeadmConfigPatches: []
                kubeadmConfigPatchesJSON6902: []
                containerdConfigPatches: []
                containerdConfigPatchesJSON6902: []
                """);
    }

    @Test
    void omitsFieldsThatAreNotSet() {
        Cluster sparse = new Cluster("Cluster", "kind.x-k8s.io/v1alpha4", null, null, null, null, null, null, null,
                null, null);

        assertThat(ConfigPrinter.toYaml(sparse)).isEqualTo("apiVersion: kind.x-k8s.io/v1alpha4\nkind: Cluster\n");
    }

    @Test
    void printsEveryFieldSoThatItReadsBackTheSame() throws URISyntaxException {
        Cluster cluster = ConfigLoader.parse(ConfigLoaderTest.resource("all-fields.yaml"));

        assertThat(ConfigLoader.parse(ConfigPrinter.toYaml(cluster), "printed")).isEqualTo(cluster);
    }

    /** Nodes made after create read the resolved config back from their volume (ClusterConfigRecord). */
    @Test
    void aResolvedKindConfigReadsBackTheSame() {
        Cluster resolved = ConfigFiles.load("""
                kind: Cluster
                apiVersion: kind.x-k8s.io/v1alpha4
                kubeadmConfigPatches:
                - |
                  kind: KubeletConfiguration
                  maxPods: 42
                containerdConfigPatches:
                - |-
                  [plugins."io.containerd.grpc.v1.cri".registry]
                    config_path = "/etc/containerd/certs.d"
                nodes:
                - role: control-plane
                - role: worker
                  labels: {tier: web}
                """, "kind.yaml", Optional.of("record"), Optional.empty());

        assertThat(ConfigLoader.parse(ConfigPrinter.toYaml(resolved), "record")).isEqualTo(resolved);
    }

    @Test
    void quotesStringsThatWouldReadBackAsOtherTypes() {
        Node node = new Node("worker", "a/b:1", Map.of("a", "1.10", "b", "true", "c", "yes", "d", "", "e", "null",
                "f", "~", "g", "0x1F"), List.of(), List.of(), List.of("kind: A\nb: c\n"), List.of(), null, null);
        Cluster cluster = new Cluster("Cluster", "kubicle.dev/v1alpha1", "007", null, null, null, List.of(node),
                null, null, null, null);

        assertThat(ConfigLoader.parse(ConfigPrinter.toYaml(cluster), "printed")).isEqualTo(cluster);
    }
}
