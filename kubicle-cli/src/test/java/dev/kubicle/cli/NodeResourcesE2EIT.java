package dev.kubicle.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kubicle.cluster.ClusterPlanner;
import dev.kubicle.provider.NodeInfo;
import dev.kubicle.provider.PortSpec;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kubicle's {@code nodes[].resources}: a worker limited to 1 CPU and 2 GiB, and a control plane limited in memory
 * only. The engine holds their containers to the limits, their kubelets report the limits as the nodes' capacity,
 * and the scheduler keeps a pod that asks the worker for more Pending; all of it still holds after a stop and
 * start that also makes the worker's container again from its volume. Its Compose export keeps the limits.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NodeResourcesE2EIT {
    private static final String NAME = "res-e2e";
    private static final String CONTROL_PLANE = NAME + "-control-plane";
    private static final String WORKER = NAME + "-worker";
    private static final long GIB = 1L << 30;

    @RegisterExtension
    static final E2ECluster cluster = new E2ECluster(NAME, """
            kind: Cluster
            apiVersion: kubicle.dev/v1alpha1
            name: %s
            nodes:
            - role: control-plane
              resources:
                memory: 3Gi
            - role: worker
              resources:
                cpus: 1
                memory: 2Gi
            """.formatted(NAME));

    private static final LastingChecks checks = new LastingChecks(cluster);

    /** Between the worker's 1 CPU and 2 GiB and what the 2-core test machines have: only the limits refuse it. */
    private static final String POD_TOO_BIG_FOR_THE_WORKER = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: too-big
            spec:
              nodeSelector:
                kubernetes.io/hostname: %s
              containers:
              - name: pause
                image: registry.k8s.io/pause:3.10.1
                resources:
                  requests:
                    cpu: 1500m
                    memory: 3Gi
            """.formatted(WORKER);

    @Test
    @Order(1)
    void theEngineHoldsTheNodeContainersToTheirLimits() {
        assertLimits(WORKER, 1_000_000_000L, 2 * GIB);
        assertLimits(CONTROL_PLANE, 0, 3 * GIB);
    }

    @Test
    @Order(2)
    void theKubeletsReportTheLimitsAsCapacity() {
        assertCapacity(WORKER, "1", "2Gi");
        assertThat(status(WORKER, "allocatable.cpu")).isEqualTo("1");
        assertThat(status(CONTROL_PLANE, "capacity.memory")).isEqualTo("3Gi");
        int hostCpus = cluster.docker().hostCapacity().cpus();
        assertThat(status(CONTROL_PLANE, "capacity.cpu")).as("no CPU limit: the host's").isEqualTo("" + hostCpus);
    }

    @Test
    @Order(3)
    void aPodAskingTheWorkerForMoreThanItsLimitsStaysPending() {
        cluster.kubectl().apply(POD_TOO_BIG_FOR_THE_WORKER);

        cluster.kubectl().ok("wait", "pod/too-big", "--timeout=60s",
                "--for=jsonpath={.status.conditions[?(@.type==\"PodScheduled\")].reason}=Unschedulable");
        String message = cluster.kubectl().ok("get", "pod", "too-big", "-o",
                "jsonpath={.status.conditions[?(@.type==\"PodScheduled\")].message}");
        assertThat(message).contains("Insufficient cpu", "Insufficient memory");
        assertThat(cluster.kubectl().ok("get", "pod", "too-big", "-o", "jsonpath={.status.phase}"))
                .isEqualTo("Pending");
        cluster.kubectl().ok("delete", "pod", "too-big", "--wait=false");
    }

    /**
     * The Compose export of a running cluster fixes what the engine chose at create (the subnet, the addresses, the
     * API server's host port) as the cluster has it, and keeps the nodes' limits as Compose's.
     */
    @Test
    @Order(4)
    void theComposeExportOfTheRunningClusterHasItsAddressesPortAndLimits() throws IOException {
        Path output = Files.createTempDirectory("res-e2e-compose").resolve("project");
        NodeInfo controlPlane = cluster.docker().inspectNode(CONTROL_PLANE).orElseThrow();
        NodeInfo worker = cluster.docker().inspectNode(WORKER).orElseThrow();
        int apiServerPort = controlPlane.ports().stream().filter(port -> port.containerPort() == 6443)
                .mapToInt(PortSpec::hostPort).findFirst().orElseThrow();

        checks.cliOk("export", "compose", "--name", NAME, "--output", output.toString());

        Path file = output.resolve("docker-compose.yml");
        JsonNode project = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        JsonNode services = project.get("services");
        assertThat(project.at("/networks/kubicle/ipam/config/0/subnet").asText()).isEqualTo(cluster.docker()
                .network(ClusterPlanner.networkName(NAME)).orElseThrow().subnet());
        assertThat(services.at("/" + CONTROL_PLANE + "/networks/kubicle/ipv4_address").asText())
                .isEqualTo(controlPlane.ip());
        assertThat(services.at("/" + WORKER + "/networks/kubicle/ipv4_address").asText()).isEqualTo(worker.ip());
        assertThat(services.at("/" + CONTROL_PLANE + "/ports/0").asText())
                .isEqualTo("127.0.0.1:" + apiServerPort + ":6443/tcp");
        assertThat(services.at("/" + WORKER + "/cpus").asText()).isEqualTo("1");
        assertThat(services.at("/" + WORKER + "/mem_limit").asLong()).isEqualTo(2 * GIB);
        assertThat(services.at("/" + CONTROL_PLANE + "/mem_limit").asLong()).isEqualTo(3 * GIB);
        assertThat(services.get(CONTROL_PLANE).has("cpus")).isFalse();
        ChildProcess.Output config = ChildProcess.run(List.of("docker-compose", "-f", file.toString(), "config",
                "-q"), Map.of(), null, Duration.ofMinutes(1));
        assertThat(config.exitCode()).as(config.err()).isZero();
    }

    @Test
    @Order(5)
    void stopAndStartKeepTheLimitsAlsoForANodeMadeAgainFromItsVolume() {
        checks.cliOk("stop", "cluster", "--name", NAME);
        cluster.docker().deleteNode(WORKER);

        checks.cliOk("start", "cluster", "--name", NAME);

        assertLimits(WORKER, 1_000_000_000L, 2 * GIB);
        assertLimits(CONTROL_PLANE, 0, 3 * GIB);
        assertCapacity(WORKER, "1", "2Gi");
        assertCapacity(CONTROL_PLANE, "" + cluster.docker().hostCapacity().cpus(), "3Gi");
    }

    @Test
    @Order(6)
    void deleteRemovesEverything() throws IOException {
        cluster.deleteAndAssertGone();
    }

    private static void assertLimits(String node, long nanoCpus, long memory) {
        NodeInspection inspection = NodeInspection.of(cluster.docker(), node);
        assertThat(inspection.json().path("HostConfig").path("NanoCpus").asLong()).as("NanoCpus of " + node)
                .isEqualTo(nanoCpus);
        assertThat(inspection.json().path("HostConfig").path("Memory").asLong()).as("Memory of " + node)
                .isEqualTo(memory);
    }

    /**
     * A kubelet posts its capacity with its first status after it starts, which can follow the Ready condition its
     * predecessor posted: so this waits for the values, up to a minute, and fails with what the node shows.
     */
    private static void assertCapacity(String node, String cpu, String memory) {
        HostKubectl.Result waited = cluster.kubectl().run("wait", "node/" + node, "--timeout=60s",
                "--for=jsonpath={.status.capacity.memory}=" + memory);
        assertThat(waited.ok()).as("capacity of %s: %s", node, cluster.kubectl().run("get", "node", node, "-o",
                "jsonpath={.status.capacity}").out()).isTrue();
        assertThat(status(node, "capacity.cpu")).as("cpu capacity of " + node).isEqualTo(cpu);
        cluster.log(node + " capacity " + status(node, "capacity") + ", allocatable " + status(node, "allocatable"));
    }

    private static String status(String node, String field) {
        return cluster.kubectl().ok("get", "node", node, "-o", "jsonpath={.status." + field + "}");
    }

}
