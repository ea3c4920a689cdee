package dev.kubicle.cli;

import dev.kubicle.cli.WebWorkload.WebPod;
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
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The essentials of {@link ClusterE2EIT} on rootful Podman ({@code KUBICLE_PROVIDER=podman} for every command): a
 * cluster of one control plane and two workers whose nodes are Podman's containers, pods that reach each other
 * across nodes and through a Service, an image loaded from Podman's own storage, logs exported, and the cluster
 * stopped and started again. scripts/ensure-podman.sh starts Podman's service and copies the node image into its
 * storage first.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PodmanClusterE2EIT {
    private static final String NAME = "pm-e2e";
    private static final String WAIT = "--timeout=120s";
    /** An image only Podman holds, named as users name their own builds: no registry, no "localhost/". */
    private static final String LOADED_IMAGE = "pm-e2e/busybox:loaded";
    private static final int HOST_PORT = HostPorts.freeTcp("0.0.0.0");
    /** The web pods on the host: through a NodePort that the control plane's extraPortMapping publishes. */
    private static final String NODE_PORT_SERVICE = """
            apiVersion: v1
            kind: Service
            metadata:
              name: web-on-host
            spec:
              type: NodePort
              selector: {app: web}
              ports:
              - port: 80
                targetPort: 8080
                nodePort: 30080
            """;

    /**
     * Podman keeps images apart from Docker's: the node image, built into Docker (by this run, if no test has yet),
     * is copied into Podman's storage by the project's script, which also starts Podman's service if it is down.
     */
    @RegisterExtension
    @Order(1)
    static final BeforeAllCallback nodeImageInPodman = context -> {
        String image = E2ENodeImage.inDocker();
        ChildProcess.Output copy = ChildProcess.run(List.of("../scripts/ensure-podman.sh", "--load-image", image),
                Map.of(), null, Duration.ofMinutes(5));
        assertThat(copy.exitCode()).as(copy.err()).isZero();
    };

    @RegisterExtension
    @Order(2)
    static final E2ECluster cluster = new E2ECluster(NAME, """
            apiVersion: kubicle.dev/v1alpha1
            kind: Cluster
            name: %s
            networking:
              subnet: 172.29.41.0/24
            nodes:
            - role: control-plane
              extraPortMappings:
              - containerPort: 30080
                hostPort: %d
            - role: worker
            - role: worker
            """.formatted(NAME, HOST_PORT), "podman");

    @TempDir
    static Path logs;

    private static HostKubectl kubectl;

    @BeforeAll
    static void deployWorkloads() {
        kubectl = cluster.kubectl();
        kubectl.apply(WebWorkload.deployment(3) + "---\n" + WebWorkload.service() + "---\n" + NODE_PORT_SERVICE);
    }

    @AfterAll
    static void removeTheLoadedImage() {
        HostCommand.ok("podman", "rmi", "--ignore", LOADED_IMAGE);
    }

    @Test
    @Order(1)
    void theNodesArePodmansContainersAndReady() {
        kubectl.ok("wait", "--for=condition=Ready", "nodes", "--all", WAIT);

        assertThat(kubectl.ok("get", "nodes", "-o", "name").lines()).containsExactlyInAnyOrder(
                "node/" + NAME + "-control-plane", "node/" + NAME + "-worker", "node/" + NAME + "-worker2");
        assertThat(cluster.docker().name()).isEqualTo("podman");
        assertThat(cluster.docker().inspectNode(NAME + "-worker2")).isPresent();
        try (DockerProvider docker = DockerProvider.connect()) {
            assertThat(docker.inspectNode(NAME + "-worker2")).as("the same node on Docker").isEmpty();
        }
    }

    @Test
    @Order(2)
    void podsReachEachOtherAcrossNodesAndThroughAService() {
        List<WebPod> pods = WebWorkload.pods(kubectl);
        assertThat(pods).extracting(WebPod::node).containsExactlyInAnyOrder(
                NAME + "-control-plane", NAME + "-worker", NAME + "-worker2");
        for (WebPod from : pods) {
            List<WebPod> others = pods.stream().filter(pod -> pod != from).toList();
            String addresses = others.stream().map(WebPod::ip).collect(Collectors.joining(" "));
            String answers = WebWorkload.exec(kubectl, from, "for ip in " + addresses
                    + "; do timeout 10 wget -q -O - http://$ip:8080/ || echo no answer from $ip; done");

            assertThat(answers.lines()).as("what %s on %s got from the others", from.name(), from.node())
                    .containsExactlyElementsOf(others.stream().map(WebPod::name).toList());
        }
        kubectl.ok("rollout", "status", "-n", "kube-system", "deployment/coredns", WAIT);
        // Until then the first pod's kube-proxy may not route the Service yet (nor every node DNS's Service).
        cluster.awaitService("kube-system", "kube-dns");
        cluster.awaitService("default", "web");
        String answer = WebWorkload.exec(kubectl, pods.get(0), "timeout 10 wget -q -O - http://web.default.svc/");
        assertThat(pods).extracting(WebPod::name).contains(answer.strip());
    }

    /** Podman 4.3 forwards nothing for a host address of 0.0.0.0, kind's default: the provider must ask for none. */
    @Test
    @Order(2)
    void aNodePortPublishedThroughAnExtraPortMappingAnswersOnTheHost() throws Exception {
        cluster.awaitService("default", "web-on-host");
        String answer = HostHttp.get(URI.create("http://127.0.0.1:" + HOST_PORT + "/"));

        assertThat(WebWorkload.pods(kubectl)).extracting(WebPod::name).contains(answer.strip());
    }

    /**
     * Podman saves its local images as "localhost/NAME"; a pod asks for "NAME", so the nodes must know the image by
     * that name too.
     */
    @Test
    @Order(3)
    void anImageFromPodmansOwnStorageLoadsIntoEveryNodeUnderTheNameItWasAskedBy() throws IOException {
        cluster.docker().importImage(new ByteArrayInputStream(BusyboxImage.rootfs()), LOADED_IMAGE,
                List.of("ENTRYPOINT [\"/bin/sh\"]"));

        CliRun load = cluster.cli("load", "docker-image", LOADED_IMAGE, "--name", NAME);

        assertThat(load.exitCode()).as(load.err()).isZero();
        assertThat(load.out()).contains("loaded into: " + NAME + "-control-plane, " + NAME + "-worker, " + NAME
                + "-worker2");
        assertThat(LoadedImagePod.echo(kubectl, NAME + "-worker2", LOADED_IMAGE, "ran from the loaded image"))
                .isEqualTo("ran from the loaded image");

        CliRun again = cluster.cli("load", "docker-image", LOADED_IMAGE, "--name", NAME);
        assertThat(again.out()).as("a second load finds the image in place").contains("skipped (already present): "
                + NAME + "-control-plane, " + NAME + "-worker, " + NAME + "-worker2");
    }

    @Test
    @Order(4)
    void logsAreExportedFromEveryNodeWithPodmansInspectData() throws IOException {
        CliRun export = cluster.cli("export", "logs", logs.toString(), "--name", NAME);

        assertThat(export.exitCode()).as(export.err()).isZero();
        for (String node : List.of(NAME + "-control-plane", NAME + "-worker", NAME + "-worker2")) {
            assertThat(Files.readString(logs.resolve(node).resolve("kubelet.log"))).as("kubelet log of %s", node)
                    .contains("kubelet");
            assertThat(Files.readString(logs.resolve(node).resolve("inspect.json")))
                    .containsPattern("\"Name\"\\s*:\\s*\"/?" + node + "\"");
        }
    }

    @Test
    @Order(5)
    void aStoppedClusterStartsAgainWithItsPodsAnswering() throws InterruptedException {
        CliRun stop = cluster.cli("stop", "cluster", "--name", NAME);
        assertThat(stop.exitCode()).as(stop.err()).isZero();
        assertThat(cluster.cli("get", "clusters").out()).containsPattern(NAME + "\\s+stopped");
        assertThat(cluster.docker().inspectNode(NAME + "-worker").orElseThrow().running()).isFalse();

        Instant started = Instant.now();
        CliRun start = cluster.cli("start", "cluster", "--name", NAME);

        assertThat(start.exitCode()).as(start.err()).isZero();
        assertThat(cluster.cli("get", "clusters").out()).containsPattern(NAME + "\\s+running");
        kubectl.ok("wait", "--for=condition=Ready", "nodes", "--all", WAIT);
        List<WebPod> pods = WebWorkload.podsBackSince(cluster, kubectl, 3, started);
        String answer = WebWorkload.exec(kubectl, pods.get(pods.size() - 1),
                "timeout 10 wget -q -O - http://web.default.svc/");
        assertThat(pods).extracting(WebPod::name).contains(answer.strip());
    }

    @Test
    @Order(6)
    void deleteLeavesNothingOnPodman() throws IOException {
        cluster.deleteAndAssertGone();
    }
}
