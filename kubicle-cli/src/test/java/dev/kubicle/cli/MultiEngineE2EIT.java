package dev.kubicle.cli;

import dev.kubicle.cli.WebWorkload.WebPod;
import dev.kubicle.cluster.ClusterPlanner;
import dev.kubicle.cluster.Labels;
import dev.kubicle.provider.NodeInfo;
import dev.kubicle.provider.docker.DockerProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One cluster spread over two Docker engines, each in a network namespace of its own (its own data root, socket and
 * address, as if on a machine of its own), joined into one Docker Swarm by scripts/ensure-engines.sh: the control
 * plane and a worker on engine e1, the other worker on e2, all on the swarm's overlay network at fixed addresses.
 * Every command connects to e1 only (DOCKER_HOST) and finds e2 through the cluster's network. The engines are
 * stopped at the end (their data roots, with the node image, stay for the next run).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiEngineE2EIT {
    private static final String NAME = "me-e2e";
    private static final String WAIT = "--timeout=120s";
    private static final String E1 = "unix:///run/kubicle-engines/e1/docker.sock";
    private static final String E2 = "unix:///run/kubicle-engines/e2/docker.sock";
    private static final String SCRIPT = "../scripts/ensure-engines.sh";
    /** An image only e2 holds, of this test's own. */
    private static final String LOADED_IMAGE = "me-e2e/busybox:loaded";

    /** The engines start (if not running), join one swarm, and get the node image from the main engine. */
    @RegisterExtension
    @Order(1)
    static final BeforeAllCallback engines = context -> {
        String image = E2ENodeImage.inDocker();
        ChildProcess.Output start = ChildProcess.run(List.of(SCRIPT, "2", "--load-image", image), Map.of(), null,
                Duration.ofMinutes(5));
        assertThat(start.exitCode()).as(start.err()).isZero();
    };

    /**
     * The API server is published on e1's own address (its machine's, in real use), which this host reaches; the
     * port is fixed because kubicle can only probe for a free one on this machine's own addresses.
     */
    @RegisterExtension
    @Order(2)
    static final E2ECluster cluster = E2ECluster.onDockerHost(NAME, """
            apiVersion: kubicle.dev/v1alpha1
            kind: Cluster
            name: %s
            engines:
            - name: e1
              host: %s
            - name: e2
              host: %s
            networking:
              subnet: 172.26.0.0/24
              apiServerAddress: 10.213.0.11
              apiServerPort: 6443
            nodes:
            - role: control-plane
              engine: e1
            - role: worker
              engine: e1
            - role: worker
              engine: e2
            """.formatted(NAME, E1, E2), E1);

    @TempDir
    static Path logs;

    private static HostKubectl kubectl;

    @BeforeAll
    static void deployWorkloads() {
        kubectl = cluster.kubectl();
        kubectl.apply(WebWorkload.deployment(3) + "---\n" + WebWorkload.service());
    }

    @AfterAll
    static void stopTheEngines() {
        // Absent when the load test did not get that far: the outcome does not matter.
        ChildProcess.run(List.of("docker", "-H", E2, "rmi", LOADED_IMAGE), Map.of(), null, Duration.ofMinutes(1));
        ChildProcess.Output stop = ChildProcess.run(List.of(SCRIPT, "--stop"), Map.of(), null, Duration.ofMinutes(3));
        assertThat(stop.exitCode()).as(stop.err()).isZero();
    }

    @Test
    @Order(1)
    void everyNodeIsReadyOnTheEngineItsConfigNamesAtItsOverlayAddress() {
        kubectl.ok("wait", "--for=condition=Ready", "nodes", "--all", WAIT);

        assertThat(containers(E1)).containsExactly(NAME + "-control-plane", NAME + "-worker");
        assertThat(containers(E2)).containsExactly(NAME + "-worker2");
        assertThat(kubectl.ok("get", "nodes", "-o",
                "jsonpath={range .items[*]}{.metadata.name}={.status.addresses[0].address}{\"\\n\"}{end}").lines())
                .containsExactlyInAnyOrder(NAME + "-control-plane=172.26.0.2", NAME + "-worker=172.26.0.3",
                        NAME + "-worker2=172.26.0.4");
        CliRun nodes = cluster.cli("get", "nodes", "--name", NAME);
        assertThat(nodes.out()).contains(NAME + "-control-plane", NAME + "-worker ", NAME + "-worker2");
        assertThat(cluster.cli("get", "clusters").out()).containsPattern(NAME + "\\s+running");
    }

    @Test
    @Order(2)
    void podsOnDifferentEnginesReachEachOtherAndAService() {
        List<WebPod> pods = WebWorkload.pods(kubectl);
        assertThat(pods).extracting(WebPod::node).containsExactlyInAnyOrder(
                NAME + "-control-plane", NAME + "-worker", NAME + "-worker2");
        WebPod onE2 = pods.stream().filter(pod -> pod.node().equals(NAME + "-worker2")).findFirst().orElseThrow();
        for (WebPod onE1 : pods.stream().filter(pod -> pod != onE2).toList()) {
            assertThat(fetch(onE1, "http://" + onE2.ip() + ":8080/")).as("%s asking %s", onE1.name(), onE2.name())
                    .isEqualTo(onE2.name());
            assertThat(fetch(onE2, "http://" + onE1.ip() + ":8080/")).as("%s asking %s", onE2.name(), onE1.name())
                    .isEqualTo(onE1.name());
        }
        kubectl.ok("rollout", "status", "-n", "kube-system", "deployment/coredns", WAIT);
        cluster.awaitService("kube-system", "kube-dns");
        cluster.awaitService("default", "web");
        assertThat(pods).extracting(WebPod::name).contains(fetch(onE2, "http://web.default.svc/"));
    }

    @Test
    @Order(3)
    void logsAreExportedFromTheNodesOfEveryEngine() throws IOException {
        CliRun export = cluster.cli("export", "logs", logs.toString(), "--name", NAME);

        assertThat(export.exitCode()).as(export.err()).isZero();
        for (String node : List.of(NAME + "-control-plane", NAME + "-worker", NAME + "-worker2")) {
            assertThat(Files.readString(logs.resolve(node).resolve("kubelet.log"))).as("kubelet log of %s", node)
                    .contains("kubelet");
        }
    }

    /** An image on e2 alone goes into every node, those on e1 included. */
    @Test
    @Order(4)
    void anImageOnOneEngineLoadsIntoTheNodesOfEveryEngine() throws IOException {
        try (DockerProvider e2 = DockerProvider.connect(E2)) {
            e2.importImage(new ByteArrayInputStream(BusyboxImage.rootfs()), LOADED_IMAGE,
                    List.of("ENTRYPOINT [\"/bin/sh\"]"));
        }
        CliRun load = cluster.cli("load", "docker-image", LOADED_IMAGE, "--name", NAME);

        assertThat(load.exitCode()).as(load.err()).isZero();
        assertThat(load.out()).contains("loaded into: " + NAME + "-control-plane, " + NAME + "-worker, " + NAME
                + "-worker2");
        assertThat(LoadedImagePod.echo(kubectl, NAME + "-worker", LOADED_IMAGE, "ran on e1 from the image of e2"))
                .isEqualTo("ran on e1 from the image of e2");
    }

    @Test
    @Order(5)
    void aStoppedClusterStartsAgainOnItsEngines() throws InterruptedException {
        CliRun stop = cluster.cli("stop", "cluster", "--name", NAME);
        assertThat(stop.exitCode()).as(stop.err()).isZero();
        assertThat(cluster.cli("get", "clusters").out()).containsPattern(NAME + "\\s+stopped");
        Instant started = Instant.now();

        CliRun start = cluster.cli("start", "cluster", "--name", NAME);

        assertThat(start.exitCode()).as(start.err()).isZero();
        assertThat(containers(E1)).containsExactly(NAME + "-control-plane", NAME + "-worker");
        assertThat(containers(E2)).containsExactly(NAME + "-worker2");
        kubectl.ok("wait", "--for=condition=Ready", "nodes", "--all", WAIT);
        List<WebPod> pods = WebWorkload.podsBackSince(cluster, kubectl, 3, started);
        WebPod onE2 = pods.stream().filter(pod -> pod.node().equals(NAME + "-worker2")).findFirst().orElseThrow();
        assertThat(pods).extracting(WebPod::name).contains(fetch(onE2, "http://web.default.svc/"));
    }

    @Test
    @Order(6)
    void deleteLeavesNothingOnAnyEngine() throws IOException {
        cluster.deleteAndAssertGone();

        for (String engine : List.of(E1, E2)) {
            try (DockerProvider docker = DockerProvider.connect(engine)) {
                assertThat(docker.listNodes(Labels.ofCluster(NAME))).as("containers on %s", engine).isEmpty();
                assertThat(docker.volumes(Labels.ofCluster(NAME))).as("volumes on %s", engine).isEmpty();
                assertThat(docker.network(ClusterPlanner.networkName(NAME))).as("network on %s", engine).isEmpty();
            }
        }
    }

    private static List<String> containers(String engine) {
        try (DockerProvider docker = DockerProvider.connect(engine)) {
            return docker.listNodes(Labels.ofCluster(NAME)).stream().map(NodeInfo::name).toList();
        }
    }

    private static String fetch(WebPod from, String url) {
        return WebWorkload.exec(kubectl, from, "timeout 10 wget -q -O - " + url).strip();
    }
}
