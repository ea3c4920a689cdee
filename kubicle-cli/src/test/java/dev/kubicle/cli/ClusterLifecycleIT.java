package dev.kubicle.cli;

import dev.kubicle.cluster.ClusterPlanner;
import dev.kubicle.cluster.Labels;
import dev.kubicle.provider.ExecRequest;
import dev.kubicle.provider.NodeInfo;
import dev.kubicle.provider.Provider;
import dev.kubicle.provider.docker.DockerProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line against the real engine: a three-node cluster with fixed addresses, then a failed create. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterLifecycleIT {
    private static final String CLUSTER = "it-three";
    private static final String BROKEN = "it-broken";
    private static final String INTERRUPTED = "it-interrupted";
    private static Provider docker;

    @TempDir
    static Path dir;

    @BeforeAll
    static void connect() {
        docker = DockerProvider.connect();
        CliRun.of("delete", "clusters", CLUSTER, BROKEN, INTERRUPTED, "--kubeconfig", kubeconfig());
    }

    @AfterAll
    static void cleanUp() {
        CliRun.of("delete", "clusters", CLUSTER, BROKEN, INTERRUPTED, "--kubeconfig", kubeconfig());
        docker.close();
    }

    @Test
    @Order(1)
    void createsThreeNodesWithFixedSubnetAndStaticAddressesThatBootSystemdAndContainerd() throws IOException {
        Path config = dir.resolve("three.yaml");
        Files.writeString(config, """
                kind: Cluster
                apiVersion: kubicle.dev/v1alpha1
                name: %s
                networking:
                  subnet: 172.31.250.0/24
                nodes:
                - role: control-plane
                  ip: 172.31.250.10
                - role: worker
                  ip: 172.31.250.11
                - role: worker
                  ip: 172.31.250.12
                """.formatted(CLUSTER));

        CliRun create = CliRun.of("create", "cluster", "--no-kubernetes", "--config", config.toString(),
                "--kubeconfig", kubeconfig());

        assertThat(create.exitCode()).as(create.err()).isZero();
        assertThat(create.err()).contains("✓ Preparing nodes", "✓ Starting systemd and containerd");
        List<NodeInfo> nodes = docker.listNodes(Labels.ofCluster(CLUSTER));
        assertThat(nodes).extracting(NodeInfo::name, NodeInfo::ip).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(CLUSTER + "-control-plane", "172.31.250.10"),
                org.assertj.core.groups.Tuple.tuple(CLUSTER + "-worker", "172.31.250.11"),
                org.assertj.core.groups.Tuple.tuple(CLUSTER + "-worker2", "172.31.250.12"));
        for (NodeInfo node : nodes) {
            assertThat(run(node.name(), "systemctl", "is-system-running")).isIn("running", "degraded");
            assertThat(run(node.name(), "ctr", "version")).contains("Server:");
            assertThat(run(node.name(), "hostname")).isEqualTo(node.name());
        }
        assertThat(docker.network(ClusterPlanner.networkName(CLUSTER)).orElseThrow().subnet())
                .isEqualTo("172.31.250.0/24");
    }

    @Test
    @Order(2)
    void listsTheClusterAndItsNodes() {
        assertThat(CliRun.of("get", "clusters").out()).containsPattern("(?m)^" + CLUSTER + "\\s+running$");

        CliRun nodes = CliRun.of("get", "nodes", "--name", CLUSTER);
        assertThat(nodes.exitCode()).isZero();
        assertThat(nodes.out()).containsPattern(CLUSTER + "-control-plane\\s+control-plane\\s+running\\s+172\\.31\\.250\\.10")
                .containsPattern(CLUSTER + "-worker2\\s+worker\\s+running\\s+172\\.31\\.250\\.12");
    }

    @Test
    @Order(3)
    void aSecondCreateWithTheSameNameIsRefused() {
        CliRun again = CliRun.of("create", "cluster", "--no-kubernetes", "--name", CLUSTER, "--kubeconfig",
                kubeconfig());

        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("already exists");
    }

    @Test
    @Order(4)
    void deleteLeavesNoContainerVolumeOrNetwork() {
        CliRun delete = CliRun.of("delete", "cluster", "--name", CLUSTER, "--kubeconfig", kubeconfig());

        assertThat(delete.exitCode()).as(delete.err()).isZero();
        assertThat(docker.listNodes(Labels.ofCluster(CLUSTER))).isEmpty();
        assertThat(docker.volumes(Labels.ofCluster(CLUSTER))).isEmpty();
        assertThat(docker.network(ClusterPlanner.networkName(CLUSTER))).isEmpty();
    }

    @Test
    @Order(5)
    void aCreateThatFailsOnTheEngineRemovesWhatItMade() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("0.0.0.0"))) {
            Path config = dir.resolve("broken.yaml");
            Files.writeString(config, E2ECluster.kindConfig(BROKEN, 1) + """
                      extraPortMappings:
                      - containerPort: 80
                        hostPort: %d
                    """.formatted(taken.getLocalPort()));

            CliRun create = CliRun.of("create", "cluster", "--no-kubernetes", "--config", config.toString(),
                    "--kubeconfig", kubeconfig());

            assertThat(create.exitCode()).isNotZero();
            assertThat(create.err()).contains("ERROR: ");
        }
        assertThat(docker.listNodes(Labels.ofCluster(BROKEN))).isEmpty();
        assertThat(docker.volumes(Labels.ofCluster(BROKEN))).isEmpty();
        assertThat(docker.network(ClusterPlanner.networkName(BROKEN))).isEmpty();
    }

    @Test
    @Order(6)
    void aCreateStoppedBySignalRemovesWhatItMade() throws Exception {
        Path config = dir.resolve("three.yaml");
        CliProcess create = CliProcess.start(dir.resolve("interrupted.log"), Map.of(), "create", "cluster",
                "--no-kubernetes", "--config", config.toString(), "--name", INTERRUPTED, "--kubeconfig", kubeconfig());
        create.awaitOutput("✓ Ensuring node image", Duration.ofSeconds(120));
        // The create is then provisioning nodes.
        int exitCode = create.stop();

        assertThat(create.output()).contains("✓ Ensuring node image", "ERROR: interrupted");
        assertThat(exitCode).isNotZero();
        assertThat(docker.listNodes(Labels.ofCluster(INTERRUPTED))).isEmpty();
        assertThat(docker.volumes(Labels.ofCluster(INTERRUPTED))).isEmpty();
        assertThat(docker.network(ClusterPlanner.networkName(INTERRUPTED))).isEmpty();
    }

    /** The kubeconfig every command here uses instead of the user's own. */
    private static String kubeconfig() {
        return dir.resolve("kubeconfig").toString();
    }

    private static String run(String node, String... command) {
        return docker.exec(node, ExecRequest.of(command)).stdout().strip();
    }
}
