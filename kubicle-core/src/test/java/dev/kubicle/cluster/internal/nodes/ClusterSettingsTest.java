package dev.kubicle.cluster.internal.nodes;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterSettingsTest {
    /** As kubeadm v1beta4 stores it in the kubeadm-config ConfigMap of a cluster kubicle made. */
    static final String CLUSTER_CONFIGURATION = """
            apiServer:
              certSANs:
              - localhost
              extraArgs:
              - name: feature-gates
                value: A=true,B=false
              - name: runtime-config
                value: api/all=true
            apiVersion: kubeadm.k8s.io/v1beta4
            clusterName: dev
            controlPlaneEndpoint: dev-external-load-balancer:6443
            controllerManager:
              extraArgs:
              - name: enable-hostpath-provisioner
                value: "true"
              - name: allocate-node-cidrs
                value: "false"
            kind: ClusterConfiguration
            kubernetesVersion: v1.37.2
            networking:
              dnsDomain: cluster.local
              podSubnet: 10.244.0.0/16
              serviceSubnet: 10.96.0.0/16
            """;

    @Test
    void aJoiningNodeLearnsEndpointSubnetsGatesAndWhoAllocatesPodCidrsFromTheClusterItself() {
        ClusterSettings settings = ClusterSettings.parse(CLUSTER_CONFIGURATION, "mode: nftables\n");

        assertThat(settings.kubeadmApiVersion()).isEqualTo("kubeadm.k8s.io/v1beta4");
        assertThat(settings.clusterName()).isEqualTo("dev");
        assertThat(settings.controlPlaneEndpoint()).isEqualTo("dev-external-load-balancer:6443");
        assertThat(settings.podSubnet()).isEqualTo("10.244.0.0/16");
        assertThat(settings.serviceSubnet()).isEqualTo("10.96.0.0/16");
        assertThat(settings.ipFamily()).isEqualTo("ipv4");
        assertThat(settings.kubeProxyMode()).isEqualTo("nftables");
        assertThat(settings.featureGates()).isEqualTo(Map.of("A", true, "B", false));
        assertThat(settings.runtimeConfig()).isEqualTo(Map.of("api/all", "true"));
        assertThat(settings.podRangesByKubicle()).isTrue();
    }

    @Test
    void olderKubeadmsMappingOfArgumentsAndKubeProxysDefaultsAreUnderstood() {
        ClusterSettings settings = ClusterSettings.parse("""
                apiVersion: kubeadm.k8s.io/v1beta3
                controlPlaneEndpoint: dev-control-plane:6443
                controllerManager:
                  extraArgs:
                    enable-hostpath-provisioner: "true"
                networking:
                  podSubnet: fd00:10:244::/56
                  serviceSubnet: fd00:10:96::/112
                """, "mode: \"\"\n");

        assertThat(settings.kubeProxyMode()).isEqualTo("iptables");
        assertThat(settings.podRangesByKubicle()).isFalse();
        assertThat(settings.ipFamily()).isEqualTo("ipv6");
        assertThat(settings.featureGates()).isEmpty();
        assertThat(ClusterSettings.parse(CLUSTER_CONFIGURATION, "").kubeProxyMode())
                .as("no kube-proxy ConfigMap").isEqualTo("none");
    }
}
