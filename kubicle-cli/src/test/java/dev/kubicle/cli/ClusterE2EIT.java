package dev.kubicle.cli;

import dev.kubicle.provider.ExecRequest;
import dev.kubicle.provider.docker.DockerProvider;
import dev.kubicle.cli.WebWorkload.WebPod;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real cluster of one control plane and two workers from the offline node image, used as a user would: kubectl
 * on the host through the exported kubeconfig, pods on every node talking to each other, a Service by ClusterIP and
 * DNS name, a volume of the default StorageClass, a NodePort reached from the host through an extraPortMapping.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterE2EIT {
    private static final String NAME = "e2e-basic";
    /** An image only the engine has, for the load test. */
    private static final String LOADED_IMAGE = "kubicle-e2e/loaded:1";
    private static final int HOST_PORT = HostPorts.freeTcp("0.0.0.0");
    private static final String WAIT = "--timeout=120s";

    @RegisterExtension
    static final E2ECluster cluster = new E2ECluster(NAME, """
            apiVersion: kubicle.dev/v1alpha1
            kind: Cluster
            name: %s
            networking:
              subnet: 172.31.241.0/24
            nodes:
            - role: control-plane
              ip: 172.31.241.10
              extraPortMappings:
              - containerPort: 30080
                hostPort: %d
            - role: worker
              ip: 172.31.241.11
            - role: worker
              ip: 172.31.241.12
            """.formatted(NAME, HOST_PORT));

    /**
     * One web server on each node (see {@link WebWorkload}), and a Service in front of the one pod that gets labelled
     * as its target.
     */
    private static final String WEB = WebWorkload.deployment(3) + """
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: target
            spec:
              type: NodePort
              selector: {app: web, e2e-target: "yes"}
              ports:
              - port: 80
                targetPort: 8080
                nodePort: 30080
            """;

    /** A volume of the default StorageClass; the pod writes a file on it and reads it back. */
    private static final String STORAGE = VolumeWriter.manifests("storage",
            "echo written-by-e2e > /data/proof && cat /data/proof");

    private static HostKubectl kubectl;

    /** Everything starts at once, so that the tests below mostly find it ready. */
    @BeforeAll
    static void deployWorkloads() {
        kubectl = cluster.kubectl();
        kubectl.apply(WEB + "---\n" + STORAGE);
    }

    @Test
    @Order(1)
    void kubectlOnTheHostSeesThreeReadyNodesThroughTheExportedKubeconfig() throws IOException {
        assertThat(Files.getPosixFilePermissions(cluster.kubeconfig()))
                .as("the kubeconfig holds credentials").isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(kubectl.ok("config", "get-contexts", "-o", "name").lines())
                .as("kubicle's context beside the one that was there")
                .containsExactlyInAnyOrder("elsewhere", "kubicle-" + NAME);
        assertThat(kubectl.ok("config", "current-context").strip()).isEqualTo("kubicle-" + NAME);
        assertThat(kubectl.ok("config", "view", "--minify", "-o", "jsonpath={.clusters[0].cluster.server}"))
                .startsWith("https://127.0.0.1:");

        kubectl.ok("wait", "--for=condition=Ready", "nodes", "--all", WAIT);

        assertThat(kubectl.ok("get", "nodes", "-o", "name").lines()).containsExactlyInAnyOrder(
                "node/" + NAME + "-control-plane", "node/" + NAME + "-worker", "node/" + NAME + "-worker2");
    }

    @Test
    @Order(2)
    void everyPodReachesEveryOtherPodAcrossNodes() {
        List<WebPod> pods = webPods();
        assertThat(pods).extracting(WebPod::node).containsExactlyInAnyOrder(
                NAME + "-control-plane", NAME + "-worker", NAME + "-worker2");

        for (WebPod from : pods) {
            List<WebPod> others = pods.stream().filter(pod -> pod != from).toList();
            String addresses = others.stream().map(WebPod::ip).collect(Collectors.joining(" "));
            String answers = exec(from, "for ip in " + addresses + "; do timeout 10 wget -q -O - http://$ip:8080/"
                    + " || echo no answer from $ip; done");

            assertThat(answers.lines()).as("what %s on %s got from the others", from.name(), from.node())
                    .containsExactlyElementsOf(others.stream().map(WebPod::name).toList());
        }
    }

    @Test
    @Order(3)
    void aServiceAnswersByClusterIpAndByItsDnsNameFromAPodOnAnotherNode() {
        Map<String, WebPod> byNode = webPods().stream().collect(Collectors.toMap(WebPod::node, Function.identity()));
        WebPod target = byNode.get(NAME + "-worker");
        WebPod client = byNode.get(NAME + "-control-plane");
        kubectl.ok("label", "pod", target.name(), "e2e-target=yes");
        kubectl.ok("rollout", "status", "-n", "kube-system", "deployment/coredns", WAIT);
        cluster.awaitService("default", "target");
        cluster.awaitService("kube-system", "kube-dns");
        String clusterIp = kubectl.ok("get", "service", "target", "-o", "jsonpath={.spec.clusterIP}");
        String fqdn = "target.default.svc.cluster.local";

        assertThat(exec(client, "nslookup " + fqdn)).contains(clusterIp);
        assertThat(exec(client, "timeout 10 wget -q -O - http://" + clusterIp + "/").strip()).isEqualTo(target.name());
        assertThat(exec(client, "timeout 10 wget -q -O - http://" + fqdn + "/").strip()).isEqualTo(target.name());
    }

    /**
     * In kube-proxy's iptables mode a packet for a Service address on a port no Service has is left as it is, and
     * would leave the cluster through the node's default route; kubicle's nodes refuse it, as kube-proxy's nftables
     * mode does, instead of letting whatever answers for that address outside be reached.
     */
    @Test
    @Order(4)
    void aServiceAddressRefusesAPortItsServiceDoesNotHave() {
        WebPod client = webPods().stream().filter(pod -> pod.node().equals(NAME + "-control-plane")).findFirst()
                .orElseThrow();
        String clusterIp = kubectl.ok("get", "service", "target", "-o", "jsonpath={.spec.clusterIP}");

        assertThat(exec(client, "timeout 10 wget -q -O - http://" + clusterIp + ":81/ 2>&1; echo exit $?"))
                .contains("Connection refused").contains("exit 1");
    }

    @Test
    @Order(5)
    void aNodePortPublishedThroughAnExtraPortMappingAnswersOnTheHost() throws Exception {
        cluster.awaitService("default", "target");
        String answer = HostHttp.get(URI.create("http://127.0.0.1:" + HOST_PORT + "/"));

        assertThat(answer.strip()).startsWith("web-");
        assertThat(kubectl.ok("get", "pods", "-l", "e2e-target=yes", "-o", "name").strip())
                .isEqualTo("pod/" + answer.strip());
    }

    @Test
    @Order(6)
    void aClaimOnTheDefaultStorageClassBindsAndItsPodWritesToTheNodesDisk() {
        kubectl.ok("wait", "--for=jsonpath={.status.phase}=Succeeded", "pod/storage", WAIT);

        assertThat(kubectl.ok("logs", "storage").strip()).isEqualTo("written-by-e2e");
        assertThat(kubectl.ok("get", "pvc", "data", "-o", "jsonpath={.status.phase}")).isEqualTo("Bound");
        assertThat(kubectl.ok("get", "storageclass", "-o",
                "jsonpath={.items[?(@.metadata.annotations.storageclass\\.kubernetes\\.io/is-default-class=="
                        + "\"true\")].metadata.name}")).isEqualTo("standard");
        String volume = kubectl.ok("get", "pvc", "data", "-o", "jsonpath={.spec.volumeName}");
        String path = kubectl.ok("get", "pv", volume, "-o", "jsonpath={.spec.hostPath.path}{.spec.local.path}");
        String node = kubectl.ok("get", "pod", "storage", "-o", "jsonpath={.spec.nodeName}");
        assertThat(cluster.docker().exec(node, ExecRequest.of("cat", path + "/proof"))
                .stdout().strip()).isEqualTo("written-by-e2e");
    }

    @Test
    @Order(7)
    void withoutDnsSearchInTheConfigNodesKeepTheHostsSearchDomains() throws IOException {
        List<String> hosts = searchLines(Files.readString(Path.of("/etc/resolv.conf")));

        for (String node : List.of(NAME + "-control-plane", NAME + "-worker")) {
            String resolvConf = cluster.docker().exec(node, ExecRequest.of("cat", "/etc/resolv.conf")).stdout();
            assertThat(searchLines(resolvConf)).as("resolv.conf of %s", node).isEqualTo(hosts);
        }
    }

    /** Issue 15: the running control plane's processes, not only its manifests, collect at half the heap growth. */
    @Test
    @Order(8)
    void theControlPlaneRunsWithASmallerHeapTarget() {
        // Process names as the kernel keeps them: at most 15 characters.
        for (String process : List.of("kube-apiserver", "kube-controller", "kube-scheduler", "etcd")) {
            String environment = cluster.docker().exec(NAME + "-control-plane", ExecRequest.of("sh", "-c",
                    "tr '\\0' '\\n' </proc/$(pgrep -o -x " + process + ")/environ")).stdout();

            assertThat(environment.lines()).as("environment of %s", process).contains("GOGC=50");
        }
    }

    /** Issue 15: one save streamed into all nodes, each imports it; a second load finds it in every node. */
    @Test
    @Order(9)
    void anImageLoadedFromTheEngineRunsOnEveryNodeAndLoadingItAgainSkipsThem() throws Exception {
        List<String> nodes = List.of(NAME + "-control-plane", NAME + "-worker", NAME + "-worker2");
        try (DockerProvider engine = DockerProvider.connect()) {
            engine.importImage(new ByteArrayInputStream(BusyboxImage.rootfs()), LOADED_IMAGE,
                    List.of("ENTRYPOINT [\"/bin/busybox\", \"sh\"]"));
        }
        try {
            CliRun load = cluster.cli("load", "docker-image", LOADED_IMAGE, "--name", NAME);

            assertThat(load.exitCode()).as(load.err()).isZero();
            assertThat(load.out()).contains("loaded into: ").doesNotContain("skipped");
            nodes.forEach(node -> assertThat(load.out()).contains(node));
            for (String node : nodes) {
                LoadedImagePod.start(kubectl, "loaded-" + node, node, LOADED_IMAGE, "ran on " + node);
            }
            for (String node : nodes) {
                assertThat(LoadedImagePod.logWhenDone(kubectl, "loaded-" + node)).isEqualTo("ran on " + node);
            }

            CliRun again = cluster.cli("load", "docker-image", LOADED_IMAGE, "--name", NAME);

            assertThat(again.exitCode()).as(again.err()).isZero();
            assertThat(again.out()).contains("skipped (already present): ").doesNotContain("loaded into");
            nodes.forEach(node -> assertThat(again.out()).contains(node));
        } finally {
            new ProcessBuilder("docker", "rmi", "-f", LOADED_IMAGE).inheritIO().start().waitFor();
        }
    }

    @Test
    @Order(10)
    void deleteRemovesContainersNetworkVolumesAndTheKubeconfigEntries() throws IOException {
        cluster.deleteAndAssertGone();
    }

    private static List<String> searchLines(String resolvConf) {
        return resolvConf.lines().filter(line -> line.startsWith("search")).toList();
    }

    private static List<WebPod> webPods() {
        return WebWorkload.pods(kubectl);
    }

    private static String exec(WebPod pod, String script) {
        return WebWorkload.exec(kubectl, pod, script);
    }
}
