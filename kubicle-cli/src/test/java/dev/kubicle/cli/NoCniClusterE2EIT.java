package dev.kubicle.cli;

import dev.kubicle.provider.ExecRequest;
import dev.kubicle.provider.ExecResult;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A kind config that leaves the network to the user, as people do who install Calico or Cilium themselves: no
 * default CNI, no kube-proxy, no DNS search domains. The create succeeds without waiting for a Ready that cannot
 * come, and the cluster has none of what was turned off.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NoCniClusterE2EIT {
    private static final String NAME = "fields-nocni";
    private static final String NODE = NAME + "-control-plane";

    @RegisterExtension
    static final E2ECluster cluster = new E2ECluster(NAME, """
            kind: Cluster
            apiVersion: kind.x-k8s.io/v1alpha4
            name: %s
            networking:
              disableDefaultCNI: true
              kubeProxyMode: none
              dnsSearch: []
            """.formatted(NAME));

    @Test
    @Order(1)
    void theNodeRegistersButStaysNotReadyForWantOfANetwork() {
        HostKubectl kubectl = cluster.kubectl();

        assertThat(kubectl.ok("get", "nodes", "-o", "name").strip()).isEqualTo("node/" + NODE);
        assertThat(kubectl.ok("get", "node", NODE, "-o",
                "jsonpath={.status.conditions[?(@.type==\"Ready\")].status}")).isEqualTo("False");
        assertThat(kubectl.ok("get", "node", NODE, "-o",
                "jsonpath={.status.conditions[?(@.type==\"Ready\")].message}")).containsIgnoringCase("cni");
    }

    @Test
    @Order(2)
    void neitherTheDefaultCniNorKubeProxyIsInstalledButTheStorageClassIs() {
        HostKubectl kubectl = cluster.kubectl();

        assertThat(kubectl.ok("get", "daemonsets", "--all-namespaces", "-o", "name")).isBlank();
        assertThat(kubectl.run("get", "configmap", "-n", "kube-system", "kube-proxy").ok()).isFalse();
        assertThat(nodeShell("ls -A /etc/cni/net.d 2>/dev/null || true")).isBlank();
        assertThat(kubectl.ok("get", "storageclass", "-o", "name").strip())
                .isEqualTo("storageclass.storage.k8s.io/standard");
    }

    @Test
    @Order(3)
    void anEmptyDnsSearchLeavesTheNodeWithoutSearchDomains() {
        assertThat(nodeShell("cat /etc/resolv.conf").lines()).noneMatch(line -> line.startsWith("search"));
    }

    @Test
    @Order(4)
    void deleteRemovesEverything() throws IOException {
        cluster.deleteAndAssertGone();
    }

    private static String nodeShell(String script) {
        ExecResult result = cluster.docker().exec(NODE, ExecRequest.of("sh", "-c", script));
        assertThat(result.ok()).as("%s: %s", script, result.stderr()).isTrue();
        return result.stdout();
    }
}
