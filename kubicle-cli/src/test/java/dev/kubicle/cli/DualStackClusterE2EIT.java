package dev.kubicle.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.List;
import java.util.Map;

import static dev.kubicle.cli.FamilyPods.WAIT;
import static dev.kubicle.cli.FamilyPods.address;
import static dev.kubicle.cli.FamilyPods.url;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real dual-stack cluster of a control plane and a worker ({@code networking.ipFamily: dual}): each node at the
 * addresses of both families the config pins or kubicle picks, pods with an address of each family that reach the
 * pod on the other node over either, a dual-stack Service answering on both of its addresses and by name, and pod
 * traffic of both families that leaves the pod network masqueraded to the node's address of that family.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DualStackClusterE2EIT {
    private static final String NAME = "ipv6-dual";
    private static final String CONTROL_PLANE = NAME + "-control-plane";
    private static final String WORKER = NAME + "-worker";
    /** The engine's own addresses on the network, its bridge: each subnet's first. */
    private static final List<String> GATEWAYS = List.of("172.31.247.1", "fd00:6b75:6269:f7::1");
    /** Pinned by the config, but for the worker's IPv4 address: kubicle gives it the lowest free one. */
    private static final Map<String, List<String>> NODE_IPS = Map.of(
            CONTROL_PLANE, List.of("172.31.247.10", "fd00:6b75:6269:f7::10"),
            WORKER, List.of("172.31.247.2", "fd00:6b75:6269:f7::11"));

    @RegisterExtension
    static final E2ECluster cluster = new E2ECluster(NAME, """
            apiVersion: kubicle.dev/v1alpha1
            kind: Cluster
            name: %s
            networking:
              ipFamily: dual
              subnet: 172.31.247.0/24,fd00:6b75:6269:f7::/64
            nodes:
            - role: control-plane
              ip: 172.31.247.10,fd00:6b75:6269:f7::10
            - role: worker
              ip: "fd00:6b75:6269:f7::11"
            """.formatted(NAME));

    private static HostKubectl kubectl;

    /** Everything starts at once, so that the tests below mostly find it ready. */
    @BeforeAll
    static void deployWorkloads() {
        kubectl = cluster.kubectl();
        kubectl.apply(FamilyPods.webPod("on-control-plane", CONTROL_PLANE) + "---\n"
                + FamilyPods.webPod("on-worker", WORKER) + "---\n"
                + FamilyPods.service("on-worker", "RequireDualStack"));
    }

    @Test
    @Order(1)
    void bothNodesAreReadyWithAnAddressAndAPodCidrOfEachFamily() {
        assertThat(FamilyPods.serverOnceNodesReady(kubectl)).startsWith("https://127.0.0.1:");

        NODE_IPS.forEach((node, ips) -> {
            assertThat(kubectl.ok("get", "node", node, "-o",
                    "jsonpath={.status.addresses[?(@.type==\"InternalIP\")].address}").split(" "))
                    .as("InternalIPs of %s", node).containsExactlyElementsOf(ips);
            List<String> podCidrs = List.of(kubectl.ok("get", "node", node, "-o", "jsonpath={.spec.podCIDRs[*]}")
                    .split(" "));
            assertThat(podCidrs).as("pod CIDRs of %s", node).hasSize(2);
            assertThat(podCidrs.get(0)).startsWith("10.244.").endsWith("/24");
            assertThat(podCidrs.get(1)).startsWith("fd00:10:244:").endsWith("/64");
        });
    }

    @Test
    @Order(2)
    void aPodOnEachNodeReachesThePodOnTheOtherOverBothFamilies() {
        Map<String, List<String>> ips = Map.of("on-control-plane", FamilyPods.podIps(kubectl, "on-control-plane"),
                "on-worker", FamilyPods.podIps(kubectl, "on-worker"));

        ips.forEach((pod, addresses) -> {
            assertThat(addresses).as("addresses of %s", pod).hasSize(2);
            assertThat(address(addresses.get(0))).isInstanceOf(Inet4Address.class);
            assertThat(address(addresses.get(1))).isInstanceOf(Inet6Address.class);
        });
        for (String from : ips.keySet()) {
            String to = from.equals("on-worker") ? "on-control-plane" : "on-worker";
            for (String ip : ips.get(to)) {
                assertThat(FamilyPods.fetch(kubectl, from, url(ip, 8080))).as("%s to %s at %s", from, to, ip)
                        .isEqualTo(to);
            }
        }
    }

    @Test
    @Order(3)
    void aDualStackServiceAnswersOnBothFamiliesAndDnsGivesBoth() {
        kubectl.ok("rollout", "status", "-n", "kube-system", "deployment/coredns", WAIT);
        FamilyPods.podIps(kubectl, "on-control-plane");
        cluster.awaitService("kube-system", "kube-dns");
        cluster.awaitService("default", "on-worker");
        List<String> clusterIps = List.of(kubectl.ok("get", "service", "on-worker", "-o",
                "jsonpath={.spec.clusterIPs[*]}").split(" "));
        String fqdn = "on-worker.default.svc.cluster.local";

        assertThat(clusterIps).hasSize(2);
        assertThat(clusterIps.get(0)).startsWith("10.96.");
        assertThat(clusterIps.get(1)).startsWith("fd00:10:96::");
        for (String ip : clusterIps) {
            assertThat(FamilyPods.fetch(kubectl, "on-control-plane", url(ip, 80))).as("Service at %s", ip)
                    .isEqualTo("on-worker");
        }
        assertThat(kubectl.ok("exec", "on-control-plane", "--", "nslookup", "-type=A", fqdn))
                .contains("Address: " + clusterIps.get(0));
        assertThat(kubectl.ok("exec", "on-control-plane", "--", "nslookup", "-type=AAAA", fqdn))
                .contains("Address: " + clusterIps.get(1));
    }

    @Test
    @Order(4)
    void podTrafficOfEachFamilyLeavingThePodNetworkGoesOutWithTheNodesAddressOfThatFamily() throws IOException {
        FamilyPods.podIps(kubectl, "on-worker");
        for (int family = 0; family < GATEWAYS.size(); family++) {
            try (CallerAddressServer outside = new CallerAddressServer(GATEWAYS.get(family))) {
                assertThat(address(FamilyPods.fetch(kubectl, "on-worker", outside.url())))
                        .as("a pod on the worker as %s sees it", outside.url())
                        .isEqualTo(address(NODE_IPS.get(WORKER).get(family)));
            }
        }
    }

    @Test
    @Order(5)
    void deleteRemovesContainersNetworkVolumesAndTheKubeconfigEntries() throws IOException {
        cluster.deleteAndAssertGone();
    }
}
