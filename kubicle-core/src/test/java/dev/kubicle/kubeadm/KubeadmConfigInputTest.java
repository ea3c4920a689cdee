package dev.kubicle.kubeadm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubicle.config.Cluster;
import dev.kubicle.config.Networking;
import dev.kubicle.config.Node;
import dev.kubicle.kubeadm.KubeadmConfigInput.Role;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

class KubeadmConfigInputTest {

    @Test
    void takesTheClusterAndNodeSettingsFromTheConfig() {
        Node worker = new Node("worker", "img", Map.of("tier", "web"), List.of(), List.of(), List.of(), List.of(),
                null, null);
        Cluster cluster = new Cluster("Cluster", "kubicle.dev/v1alpha1", "dev", Map.of("Gate", true),
                Map.of("api/all", "true"),
                new Networking("dual", "127.0.0.1", 0, "10.244.0.0/16,fd00:10:244::/56",
                        "10.96.0.0/16,fd00:10:96::/112", false, "nftables", null, null),
                List.of(new Node("control-plane", "img", Map.of(), List.of(), List.of(), List.of(), List.of(), null, null),
                        worker),
                List.of(), List.of(), List.of(), List.of());

        KubeadmConfigInput input = KubeadmConfigInput.forNode(cluster, worker, "dev-worker", "172.18.0.3", false,
                "v1.35.4", "dev-control-plane:6443", true, Inputs.SECRETS);

        assertThat(input.role()).isEqualTo(Role.WORKER);
        assertThat(input.clusterName()).isEqualTo("dev");
        assertThat(input.ipFamily()).isEqualTo("dual");
        assertThat(input.kubeProxyMode()).isEqualTo("nftables");
        assertThat(input.podSubnet()).isEqualTo("10.244.0.0/16,fd00:10:244::/56");
        assertThat(input.nodeLabels()).isEqualTo(Map.of("tier", "web"));
        assertThat(input.featureGates()).isEqualTo(Map.of("Gate", true));
        assertThat(input.runtimeConfig()).isEqualTo(Map.of("api/all", "true"));
        assertThat(input.cgroupDriver()).isEqualTo("systemd");
        assertThat(input.bootstrapToken()).isEqualTo(Inputs.BOOTSTRAP_TOKEN);
        assertThat(input.certificateKey()).isEqualTo(Inputs.CERTIFICATE_KEY);
    }

    @Test
    void refusesAWorkerAsTheBootstrapControlPlane() {
        assertThatThrownBy(() -> new KubeadmConfigInput("c", "v1.35.4", "c:6443", "w", "10.0.0.3", Role.WORKER, true,
                "127.0.0.1", "10.244.0.0/16", "10.96.0.0/16", "ipv4", "iptables", null, null, null, true, "systemd",
                Inputs.BOOTSTRAP_TOKEN, Inputs.CERTIFICATE_KEY, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("only a control-plane node can be the bootstrap control plane");
    }

    @Test
    void refusesATokenKubeadmWouldRefuse() {
        assertThatThrownBy(() -> new KubeadmConfigInput("c", "v1.35.4", "c:6443", "n", "10.0.0.2",
                Role.CONTROL_PLANE, true, "127.0.0.1", "10.244.0.0/16", "10.96.0.0/16", "ipv4", "iptables", null,
                null, null, true, "systemd", "ABCDEF.0123456789abcdef", Inputs.CERTIFICATE_KEY, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bootstrapToken");
    }

    @Test
    void refusesAnUnknownProxyMode() {
        assertThatThrownBy(() -> new KubeadmConfigInput("c", "v1.35.4", "c:6443", "n", "10.0.0.2",
                Role.CONTROL_PLANE, true, "127.0.0.1", "10.244.0.0/16", "10.96.0.0/16", "ipv4", "userspace", null,
                null, null, true, "systemd", Inputs.BOOTSTRAP_TOKEN, Inputs.CERTIFICATE_KEY, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("kubeProxyMode is userspace, not one of [iptables, ipvs, nftables, none]");
    }
}
