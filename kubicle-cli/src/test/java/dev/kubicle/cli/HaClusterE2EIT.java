package dev.kubicle.cli;

import dev.kubicle.cluster.ClusterPlanner;
import dev.kubicle.provider.PortSpec;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three control planes and a worker behind the load balancer: kubectl on the host goes through it, and keeps
 * working while any one control plane is down, be it a joined one or the one kubeadm init ran on. The cluster
 * lasts: stopped and started, through an engine restart, and with a control plane and the load balancer removed by
 * hand and made again, every container keeps its address.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HaClusterE2EIT {
    private static final String NAME = "e2e-ha";
    private static final String LOAD_BALANCER = NAME + "-external-load-balancer";
    /** How long a control plane gone down may take the API away: the load balancer's health checks need seconds. */
    private static final Duration FAILOVER = Duration.ofSeconds(20);

    // Fixed addresses: a control plane started again must come back where etcd and the certificates expect it.
    @RegisterExtension
    static final E2ECluster cluster = new E2ECluster(NAME, """
            apiVersion: kubicle.dev/v1alpha1
            kind: Cluster
            name: %s
            networking:
              subnet: 172.31.242.0/24
            nodes:
            - role: control-plane
              ip: 172.31.242.10
            - role: control-plane
              ip: 172.31.242.11
            - role: control-plane
              ip: 172.31.242.12
            - role: worker
              ip: 172.31.242.13
            """.formatted(NAME));
    private static final LastingChecks checks = new LastingChecks(cluster);
    private static final LastingWorkload workload = new LastingWorkload(cluster);

    @Test
    @Order(1)
    void allFourNodesAreReady() {
        HostKubectl kubectl = cluster.kubectl();

        kubectl.ok("wait", "--for=condition=Ready", "nodes", "--all", "--timeout=120s");

        assertThat(kubectl.ok("get", "nodes", "-o", "name").lines()).containsExactlyInAnyOrder(
                "node/" + NAME + "-control-plane", "node/" + NAME + "-control-plane2",
                "node/" + NAME + "-control-plane3", "node/" + NAME + "-worker");
        workload.deploy();
    }

    @Test
    @Order(2)
    void kubectlTalksToTheLoadBalancersPublishedPort() {
        PortSpec published = cluster.docker().inspectNode(LOAD_BALANCER).orElseThrow().ports().stream()
                .filter(port -> port.containerPort() == ClusterPlanner.API_SERVER_PORT).findFirst().orElseThrow();

        assertThat(cluster.kubectl().ok("config", "view", "--minify", "-o",
                "jsonpath={.clusters[0].cluster.server}")).isEqualTo("https://127.0.0.1:" + published.hostPort());
    }

    @Test
    @Order(3)
    void exportKubeconfigWritesTheFileNamedWithKubeconfigForKubectl() throws IOException {
        Path file = cluster.kubeconfig().resolveSibling("exported");

        CliRun export = CliRun.ofJar(Map.of("KUBECONFIG", cluster.kubeconfig().toString()),
                "export", "kubeconfig", "--name", NAME, "--kubeconfig", file.toString());

        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(HostKubectl.using(file).ok("get", "nodes", "-o", "name").lines()).hasSize(4);
    }

    @Test
    @Order(4)
    void theApiStaysReachableWhileAJoinedControlPlaneIsDown() throws InterruptedException, IOException {
        String joined = NAME + "-control-plane2";
        killAndExpectTheApiToAnswer(joined);

        // Back again, so that etcd has its quorum when the next test stops another member.
        cluster.docker().startNode(joined);
        long start = System.nanoTime();
        cluster.kubectl().eventually(Duration.ofSeconds(120), "--server", "https://172.31.242.11:6443",
                "--request-timeout=5s", "get", "--raw", "/readyz");
        cluster.log(joined + "'s API server was ready again " + E2ECluster.seconds(start) + " after its start");
    }

    @Test
    @Order(5)
    void theApiStaysReachableWhileTheBootstrapControlPlaneIsDown() throws InterruptedException, IOException {
        killAndExpectTheApiToAnswer(NAME + "-control-plane");
    }

    @Test
    @Order(6)
    void stopThenStartBringsTheWholeClusterBackWhereItWas() {
        // The bootstrap control plane is still down from the test before: start finishes what is partly running.
        Map<String, String> addresses = withoutStoppedOnes(checks.addresses());
        checks.cliOk("stop", "cluster", "--name", NAME);
        assertThat(checks.reportedState()).isEqualTo("stopped");

        checks.cliOk("start", "cluster", "--name", NAME);

        assertThat(checks.reportedState()).isEqualTo("running");
        checks.assertAddressesKept(addresses);
        assertThat(cluster.kubectl().ok("get", "nodes", "-o", "name").lines()).hasSize(4);
        workload.assertThere();
    }

    @Test
    @Order(7)
    void theClusterComesBackByItselfWhenTheEngineRestarts() throws InterruptedException {
        Map<String, String> addresses = checks.addresses();

        checks.restartEngineAndAwaitTheCluster(List.of(NAME + "-control-plane", NAME + "-control-plane2",
                NAME + "-control-plane3", NAME + "-worker"));

        checks.assertAddressesKept(addresses);
        workload.assertThere();
    }

    @Test
    @Order(8)
    void aControlPlaneAndTheLoadBalancerRemovedByHandAreMadeAgainByStart() {
        Map<String, String> addresses = checks.addresses();
        cluster.docker().deleteNode(NAME + "-control-plane2");
        cluster.docker().deleteNode(LOAD_BALANCER);

        checks.cliOk("start", "cluster", "--name", NAME);

        checks.assertAddressesKept(addresses);
        assertThat(cluster.kubectl().ok("get", "nodes", "-o", "name").lines()).hasSize(4);
        workload.assertThere();
    }

    @Test
    @Order(9)
    void deleteRemovesEverythingWithTheLoadBalancer() throws IOException {
        cluster.deleteAndAssertGone();

        assertThat(cluster.docker().inspectNode(LOAD_BALANCER)).isEmpty();
    }

    /** Where the containers are now; a stopped one has no address to compare with until it runs again. */
    private static Map<String, String> withoutStoppedOnes(Map<String, String> addresses) {
        Map<String, String> running = new TreeMap<>(addresses);
        running.values().removeIf(String::isEmpty);
        return running;
    }

    /**
     * Kills rather than stops the node: the same outage for the load balancer, and a crash is what it is there for,
     * without waiting out the ten seconds a node's systemd takes to shut down before the engine kills it anyway.
     */
    private static void killAndExpectTheApiToAnswer(String controlPlane) throws InterruptedException, IOException {
        Process kill = new ProcessBuilder("docker", "kill", controlPlane).redirectErrorStream(true).start();
        String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kill.waitFor()).as("docker kill %s: %s", controlPlane, output).isZero();

        long start = System.nanoTime();
        String nodes = cluster.kubectl().eventually(FAILOVER, "get", "nodes", "--request-timeout=5s", "-o", "name");
        cluster.log("kubectl get nodes answered " + E2ECluster.seconds(start) + " after " + controlPlane
                + " was killed");

        assertThat(nodes).contains("node/" + controlPlane);
        assertThat(cluster.docker().inspectNode(controlPlane).orElseThrow().running()).isFalse();
    }
}
