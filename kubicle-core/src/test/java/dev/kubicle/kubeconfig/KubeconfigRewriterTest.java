package dev.kubicle.kubeconfig;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KubeconfigRewriterTest {

    private static final String ADMIN_CONF = Resources.read("admin.conf");

    @Test
    void namesEverythingAfterTheClusterAndPointsAtTheHostPort() {
        Kubeconfig dev = KubeconfigRewriter.rewrite(ADMIN_CONF, "dev", ApiServerAddress.external(41234));

        assertThat(dev.toYaml()).isEqualTo(Resources.read("kubicle-dev.yaml"));
    }

    @Test
    void keepsTheCredentialsKubeadmWrote() {
        Kubeconfig dev = KubeconfigRewriter.rewrite(ADMIN_CONF, "dev", ApiServerAddress.external(41234));

        assertThat(dev.toTree().at("/users/0/user/client-key-data").asText()).isEqualTo("RkFLRSBDTElFTlQgS0VZ");
        assertThat(dev.toTree().at("/clusters/0/cluster/certificate-authority-data").asText())
                .isEqualTo("RkFLRSBDTFVTVEVSIENB");
    }

    @Test
    void externalUsesTheListenAddressWithBracketsForIpv6() {
        assertThat(server(ApiServerAddress.external("0.0.0.0", 6443))).isEqualTo("https://0.0.0.0:6443");
        assertThat(server(ApiServerAddress.external("::1", 35000))).isEqualTo("https://[::1]:35000");
    }

    @Test
    void internalAddressesTheNodeByNameOnKubeadmsPort() {
        assertThat(server(ApiServerAddress.internal("dev-control-plane2")))
                .isEqualTo("https://dev-control-plane2:6443");
    }

    @Test
    void asWrittenByKubeadmKeepsTheControlPlaneEndpoint() {
        assertThat(server(ApiServerAddress.asWrittenByKubeadm())).isEqualTo("https://dev-control-plane:6443");
    }

    @Test
    void refusesAnAdminConfWithMoreThanOneCluster() {
        String twoClusters = ADMIN_CONF.replace("clusters:\n", "clusters:\n- name: extra\n  cluster: {}\n");

        assertThatThrownBy(() -> KubeconfigRewriter.rewrite(twoClusters, "dev", ApiServerAddress.external(1)))
                .isInstanceOfSatisfying(KubicleException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.UNEXPECTED_STATE))
                .hasMessageContaining("it should have exactly one entry in clusters, but has 2");
    }

    @Test
    void refusesAnAdminConfThatIsNotYaml() {
        assertThatThrownBy(() -> KubeconfigRewriter.rewrite("clusters: [", "dev", ApiServerAddress.external(1)))
                .isInstanceOf(KubicleException.class)
                .hasMessageStartingWith("cannot use the kubeconfig kubeadm wrote to /etc/kubernetes/admin.conf:"
                        + " it is not a valid kubeconfig (line 1");
    }

    private static String server(ApiServerAddress address) {
        return KubeconfigRewriter.rewrite(ADMIN_CONF, "dev", address).server("kubicle-dev").orElseThrow();
    }
}
