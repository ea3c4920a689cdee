package dev.kubicle.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.Inet6Address;
import java.util.List;

import static dev.kubicle.cli.FamilyPods.WAIT;
import static dev.kubicle.cli.FamilyPods.address;
import static dev.kubicle.cli.FamilyPods.url;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real IPv6 single-stack cluster of one node ({@code networking.ipFamily: ipv6}), used from the host as a user
 * would: the API server published on {@code [::1]} as kind publishes it, the node at the IPv6 address the config
 * pins, pods and Services with IPv6 addresses only, DNS answering AAAA, and pod traffic that leaves the pod network
 * masqueraded to the node's address.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Ipv6ClusterE2EIT {
    private static final String NAME = "ipv6-single";
    private static final String NODE = NAME + "-control-plane";
    private static final String SUBNET = "fd00:6b75:6269:f6::/64";
    /** The engine's own address on the network, its bridge: the subnet's first. */
    private static final String GATEWAY = "fd00:6b75:6269:f6::1";
    private static final String NODE_IP = "fd00:6b75:6269:f6::10";

    @RegisterExtension
    static final E2ECluster cluster = new E2ECluster(NAME, """
            apiVersion: kubicle.dev/v1alpha1
            kind: Cluster
            name: %s
            networking:
              ipFamily: ipv6
              subnet: "%s"
            nodes:
            - role: control-plane
              ip: "%s"
            """.formatted(NAME, SUBNET, NODE_IP));

    private static HostKubectl kubectl;

    /** Everything starts at once, so that the tests below mostly find it ready. */
    @BeforeAll
    static void deployWorkloads() {
        kubectl = cluster.kubectl();
        kubectl.apply(FamilyPods.webPod("server", NODE) + "---\n" + FamilyPods.webPod("client", NODE) + "---\n"
                + FamilyPods.service("server", "SingleStack"));
    }

    @Test
    @Order(1)
    void theApiServerIsPublishedOnIpv6LoopbackAndTheNodeIsReadyAtItsPinnedAddress() {
        assertThat(FamilyPods.serverOnceNodesReady(kubectl)).matches("https://\\[::1]:[0-9]+");

        assertThat(kubectl.ok("get", "node", NODE, "-o",
                "jsonpath={.status.addresses[?(@.type==\"InternalIP\")].address}")).isEqualTo(NODE_IP);
        assertThat(kubectl.ok("get", "node", NODE, "-o", "jsonpath={.spec.podCIDRs[*]}"))
                .isEqualTo("fd00:10:244::/64");
        assertThat(cluster.docker().inspectNode(NODE)).hasValueSatisfying(node ->
                assertThat(node.ipv6()).isEqualTo(NODE_IP));
    }

    @Test
    @Order(2)
    void aPodReachesAnotherPodAndAServiceOverIpv6() {
        List<String> server = FamilyPods.podIps(kubectl, "server");
        FamilyPods.podIps(kubectl, "client");
        cluster.awaitService("default", "server");
        String clusterIp = kubectl.ok("get", "service", "server", "-o", "jsonpath={.spec.clusterIPs[*]}");

        assertThat(server).hasSize(1);
        assertThat(address(server.get(0))).isInstanceOf(Inet6Address.class);
        assertThat(server.get(0)).startsWith("fd00:10:244:");
        assertThat(clusterIp).startsWith("fd00:10:96::");
        assertThat(FamilyPods.fetch(kubectl, "client", url(server.get(0), 8080))).isEqualTo("server");
        assertThat(FamilyPods.fetch(kubectl, "client", url(clusterIp, 80))).isEqualTo("server");
    }

    @Test
    @Order(3)
    void dnsAnswersAaaaForAServiceAndItsNameReachesIt() {
        kubectl.ok("rollout", "status", "-n", "kube-system", "deployment/coredns", WAIT);
        cluster.awaitService("kube-system", "kube-dns");
        cluster.awaitService("default", "server");
        String clusterIp = kubectl.ok("get", "service", "server", "-o", "jsonpath={.spec.clusterIP}");
        String fqdn = "server.default.svc.cluster.local";

        assertThat(kubectl.ok("exec", "client", "--", "nslookup", "-type=AAAA", fqdn))
                .contains("Address: " + clusterIp);
        assertThat(FamilyPods.fetch(kubectl, "client", "http://" + fqdn + "/")).isEqualTo("server");
    }

    @Test
    @Order(4)
    void podTrafficLeavingThePodNetworkGoesOutWithTheNodesAddress() throws IOException {
        FamilyPods.podIps(kubectl, "client");
        try (CallerAddressServer outside = new CallerAddressServer(GATEWAY)) {
            assertThat(address(FamilyPods.fetch(kubectl, "client", outside.url()))).isEqualTo(address(NODE_IP));
        }
    }

    @Test
    @Order(5)
    void deleteRemovesContainersNetworkVolumesAndTheKubeconfigEntries() throws IOException {
        cluster.deleteAndAssertGone();
    }
}
