package dev.kubicle.cli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 1+2 cluster exported with {@code kubicle export compose} and brought up by Debian's docker-compose alone: the
 * nodes bootstrap themselves, the kubeconfig they write works from the host, pods on the two workers reach each
 * other, a worker with resource limits is held to them and reports them as its capacity, {@code stop} and
 * {@code start} bring the cluster back, and {@code down -v} leaves nothing of it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComposeExportE2EIT {
    private static final String NAME = "cmp-e2e";
    private static final String LABEL = "label=dev.kubicle.cluster=" + NAME;
    private static final Duration UP_TIMEOUT = Duration.ofMinutes(6);

    @TempDir
    static Path work;
    private static Path project;
    private static HostKubectl kubectl;

    @BeforeAll
    static void export() throws IOException {
        Path config = work.resolve("cluster.yaml");
        Files.writeString(config, """
                kind: Cluster
                apiVersion: kubicle.dev/v1alpha1
                name: %s
                networking:
                  apiServerPort: 36481
                  subnet: 172.29.22.0/24
                nodes:
                - role: control-plane
                - role: worker
                - role: worker
                  resources: {cpus: "1", memory: 2Gi}
                """.formatted(NAME));
        project = work.resolve("project");
        CliRun run = CliRun.ofJar(Map.of(), "export", "compose", "--config", config.toString(), "--output",
                project.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().strip()).isEqualTo(project.resolve("docker-compose.yml").toAbsolutePath().toString());
        kubectl = HostKubectl.using(project.resolve("kubeconfig/kubeconfig"));
    }

    @AfterAll
    static void down() {
        if (project != null) {
            compose("down", "-v");
        }
    }

    @Test
    @Order(1)
    void dockerComposeAcceptsTheExportedFile() throws IOException {
        String resolved = compose("config");

        // Compose 1.29 leaves extension fields out of what it prints, but reads them.
        assertThat(Files.readString(project.resolve("docker-compose.yml"))).contains("x-kubicle:");
        assertThat(resolved).contains("ipv4_address: 172.29.22.2", "ipv4_address: 172.29.22.4",
                "subnet: 172.29.22.0/24", "127.0.0.1:36481:6443/tcp");
    }

    @Test
    @Order(1)
    void theFileTakesAFogifySectionAsTheReadmeShows() throws IOException {
        Path withFogify = project.resolve("fogify.yml");
        Files.writeString(withFogify, Files.readString(project.resolve("docker-compose.yml")) + """
                x-fogify:
                  nodes:
                  - name: edge-node
                    capabilities: {processor: {cores: 1, clock_speed: 1400}, memory: 2G}
                  networks:
                  - name: edge-net
                    bidirectional: {bandwidth: 100Mbps, latency: {delay: 5ms}, drop: 0.1%%}
                  topology:
                  - {node: edge-node, service: %s-worker, label: %<s-worker, replicas: 1, networks: [edge-net]}
                """.formatted(NAME));
        try {
            ChildProcess.Output config = ChildProcess.run(List.of("docker-compose", "-f", withFogify.toString(),
                    "config", "-q"), Map.of(), null, Duration.ofMinutes(1));
            assertThat(config.exitCode()).as(config.err()).isZero();
        } finally {
            Files.delete(withFogify);
        }
    }

    @Test
    @Order(2)
    void upAloneBringsThreeReadyNodesWhosePodsReachEachOther() throws InterruptedException {
        long start = System.nanoTime();
        compose("up", "-d");
        awaitKubeconfig();
        ReadySince.nodes(kubectl, 3, Instant.EPOCH, UP_TIMEOUT, () -> compose("logs", "--tail=40"));
        System.out.println("docker-compose up -d to three Ready nodes: " + E2ECluster.seconds(start));

        assertThat(kubectl.ok("get", "nodes", "-o", "name").lines().toList()).containsExactly(
                "node/" + NAME + "-control-plane", "node/" + NAME + "-worker", "node/" + NAME + "-worker2");
        assertNewPodsOnTheWorkersReachEachOther("web1", "web2");
    }

    @Test
    @Order(3)
    void aWorkerWithResourcesIsHeldToThemAndReportsThemAsItsCapacity() {
        String worker2 = NAME + "-worker2";
        assertThat(HostCommand.ok("docker", "inspect", "-f", "{{.HostConfig.NanoCpus}} {{.HostConfig.Memory}}",
                worker2).strip()).isEqualTo("1000000000 2147483648");
        // Installed before the kubelet's first start (the Compose entrypoint), so it registered with these.
        assertThat(kubectl.ok("get", "node", worker2, "-o",
                "jsonpath={.status.capacity.cpu} {.status.capacity.memory}").strip()).isEqualTo("1 2Gi");
    }

    @Test
    @Order(4)
    void stopThenStartBringsTheClusterBack() throws InterruptedException {
        compose("stop");
        assertThat(HostCommand.ok("docker", "ps", "-q", "--filter", LABEL)).isBlank();
        Instant started = Instant.now();
        compose("start");
        ReadySince.nodes(kubectl, 3, started, UP_TIMEOUT, () -> compose("logs", "--tail=40"));

        // New pods: the old ones are being made again on the restarted nodes, with new addresses.
        assertNewPodsOnTheWorkersReachEachOther("web3", "web4");
    }

    @Test
    @Order(5)
    void downWithVolumesLeavesNothing() {
        compose("down", "-v");

        assertThat(HostCommand.ok("docker", "ps", "-aq", "--filter", LABEL)).isBlank();
        assertThat(HostCommand.ok("docker", "network", "ls", "-q", "--filter", LABEL)).isBlank();
        assertThat(HostCommand.ok("docker", "volume", "ls", "-q", "--filter", LABEL)).isBlank();
    }

    /** Two new web pods, one on each worker: each fetches the other's page, which is its name. */
    private static void assertNewPodsOnTheWorkersReachEachOther(String one, String other) {
        kubectl.apply(FamilyPods.webPod(one, NAME + "-worker") + "---\n" + FamilyPods.webPod(other, NAME + "-worker2"));
        String oneIp = FamilyPods.podIps(kubectl, one).get(0);
        String otherIp = FamilyPods.podIps(kubectl, other).get(0);
        assertThat(FamilyPods.fetch(kubectl, one, "http://" + otherIp + ":8080/")).isEqualTo(other);
        assertThat(FamilyPods.fetch(kubectl, other, "http://" + oneIp + ":8080/")).isEqualTo(one);
    }

    /** The first control plane writes the kubeconfig once kubeadm init is through. */
    private static void awaitKubeconfig() throws InterruptedException {
        Path file = project.resolve("kubeconfig/kubeconfig");
        long deadline = System.nanoTime() + UP_TIMEOUT.toNanos();
        while (!Files.exists(file)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no kubeconfig after " + UP_TIMEOUT + ":\n" + compose("logs", "--tail=40"));
            }
            Thread.sleep(500);
        }
    }

    /** docker-compose on the exported file, as a user would run it in the project's folder. */
    private static String compose(String... args) {
        List<String> command = new ArrayList<>(List.of("docker-compose", "--ansi", "never", "-p", NAME, "-f",
                project.resolve("docker-compose.yml").toString()));
        command.addAll(List.of(args));
        ChildProcess.Output output = ChildProcess.run(command, Map.of(), null, Duration.ofMinutes(3));
        if (output.exitCode() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + output.err());
        }
        return output.out();
    }
}
