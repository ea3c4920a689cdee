package dev.kubicle.cli;

import dev.kubicle.cli.WebWorkload.WebPod;
import dev.kubicle.cluster.ClusterPlanner;
import dev.kubicle.config.ConfigDefaults;
import dev.kubicle.provider.ExecRequest;
import dev.kubicle.provider.ExecResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One cluster whose config sets nearly every field of kind's v1alpha4 and kubicle's v1alpha1 to a value that is not
 * the default, each checked where it takes effect: in the running API server, kubelets, kube-proxy and pods, in the
 * node containers as the engine made them, and from the host. docs/config-fields.md names the test of each field.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConfigFieldsE2EIT {
    private static final String NAME = "fields-e2e";
    private static final String CONTROL_PLANE = NAME + "-control-plane";
    private static final String WORKER = NAME + "-worker";
    /** A loopback address other than the default 127.0.0.1, so that the kubeconfig shows it was used. */
    private static final String API_SERVER_ADDRESS = "127.0.0.2";
    private static final int API_SERVER_PORT = HostPorts.freeTcp(API_SERVER_ADDRESS);
    private static final int WEB_PORT = HostPorts.freeTcp("127.0.0.1");
    private static final int DNS_PORT = HostPorts.freeUdp("127.0.0.1");
    /** Another name for the default node image, given to the worker only: its container must run under it. */
    private static final String WORKER_IMAGE = "kubicle-fields-test/node:alias";
    private static final String ALPHA_GATE = "CPUManagerPolicyAlphaOptions";
    private static final String ALPHA_API = "admissionregistration.k8s.io/v1alpha1";
    private static final String WAIT = "--timeout=120s";

    /**
     * Host directories for extraMounts, made before the cluster (the extension creates it before any test). Mount
     * propagation needs a source on a shared mount, which the engine checks: "down" is made one.
     */
    private static final Path MOUNTS = mountSources();

    static {
        // The tag must exist before the create, which runs in the extension's beforeAll.
        HostCommand.ok("docker", "tag", ConfigDefaults.DEFAULT_NODE_IMAGE, WORKER_IMAGE);
    }

    @RegisterExtension
    static final E2ECluster cluster = new E2ECluster(NAME, """
            apiVersion: kubicle.dev/v1alpha1
            kind: Cluster
            name: %1$s
            featureGates:
              %2$s: true
            runtimeConfig:
              %3$s: "true"
            networking:
              apiServerAddress: %4$s
              apiServerPort: %5$d
              podSubnet: 10.245.0.0/16
              serviceSubnet: 10.97.0.0/16
              kubeProxyMode: nftables
              dnsSearch: [corp.example, lab.example]
              subnet: 10.200.43.0/24
            kubeadmConfigPatches:
            - |
              kind: ClusterConfiguration
              apiServer:
                extraArgs:
                  event-ttl: 2h0m0s
            - |
              kind: KubeletConfiguration
              maxPods: 77
            kubeadmConfigPatchesJSON6902:
            - group: kubeadm.k8s.io
              version: v1beta4
              kind: ClusterConfiguration
              patch: |
                - op: add
                  path: /apiServer/certSANs/-
                  value: fields.example.test
            nodes:
            - role: control-plane
              ip: 10.200.43.10
              labels:
                fields.kubicle.dev/tier: front
              extraMounts:
              - hostPath: %6$s/rw
                containerPath: /fields/rw
              - hostPath: %6$s/ro
                containerPath: /fields/ro
                readOnly: true
              - hostPath: %6$s/down
                containerPath: /fields/down
                propagation: HostToContainer
                selinuxRelabel: true
              extraPortMappings:
              - containerPort: 30080
                hostPort: %7$d
                listenAddress: 127.0.0.1
              - containerPort: 30053
                hostPort: %8$d
                listenAddress: 127.0.0.1
                protocol: udp
              kubeadmConfigPatches:
              - |
                kind: InitConfiguration
                nodeRegistration:
                  kubeletExtraArgs:
                    v: "3"
            - role: worker
              ip: 10.200.43.11
              image: %9$s
              labels:
                fields.kubicle.dev/tier: back
              kubeadmConfigPatchesJSON6902:
              - group: kubeadm.k8s.io
                version: v1beta4
                kind: JoinConfiguration
                patch: |
                  - op: add
                    path: /nodeRegistration/taints
                    value: [{key: fields.kubicle.dev/patched, value: "yes", effect: PreferNoSchedule}]
            """.formatted(NAME, ALPHA_GATE, ALPHA_API, API_SERVER_ADDRESS, API_SERVER_PORT, MOUNTS, WEB_PORT,
            DNS_PORT, WORKER_IMAGE));

    /** A web server on each node behind a NodePort, and CoreDNS behind a UDP NodePort. */
    private static final String WORKLOADS = WebWorkload.deployment(2) + """
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              type: NodePort
              selector: {app: web}
              ports:
              - port: 80
                targetPort: 8080
                nodePort: 30080
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: dns-udp
              namespace: kube-system
            spec:
              type: NodePort
              selector: {k8s-app: kube-dns}
              ports:
              - port: 53
                protocol: UDP
                nodePort: 30053
            """;

    private static HostKubectl kubectl;

    @BeforeAll
    static void deployWorkloads() {
        kubectl = cluster.kubectl();
        kubectl.apply(WORKLOADS);
    }

    @AfterAll
    static void removeTagAndMountSources() throws IOException {
        HostCommand.ok("docker", "rmi", WORKER_IMAGE);
        HostCommand.ok("umount", "--recursive", MOUNTS.resolve("down").toString());
        try (Stream<Path> files = Files.walk(MOUNTS)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }

    @Test
    @Order(1)
    void theApiServerIsPublishedAtTheConfiguredAddressAndPortAndKubectlUsesIt() {
        assertThat(kubectl.ok("config", "view", "--minify", "-o", "jsonpath={.clusters[0].cluster.server}"))
                .isEqualTo("https://" + API_SERVER_ADDRESS + ":" + API_SERVER_PORT);
        assertThat(inspect(CONTROL_PLANE).hostBinding("6443/tcp")).isEqualTo(API_SERVER_ADDRESS + ":" + API_SERVER_PORT);

        kubectl.ok("wait", "--for=condition=Ready", "nodes", "--all", WAIT);
    }

    @Test
    @Order(2)
    void nodesHaveTheirRolesLabelsImagesAndStaticAddressesOnTheSubnet() {
        assertThat(kubectl.ok("get", "nodes", "-l", "fields.kubicle.dev/tier=front", "-o", "name").strip())
                .isEqualTo("node/" + CONTROL_PLANE);
        assertThat(kubectl.ok("get", "nodes", "-l", "fields.kubicle.dev/tier=back", "-o", "name").strip())
                .isEqualTo("node/" + WORKER);
        assertThat(kubectl.ok("get", "nodes", "-l", "node-role.kubernetes.io/control-plane", "-o", "name").strip())
                .isEqualTo("node/" + CONTROL_PLANE);
        assertThat(inspect(WORKER).image()).isEqualTo(WORKER_IMAGE);
        assertThat(inspect(CONTROL_PLANE).image()).isEqualTo(ConfigDefaults.DEFAULT_NODE_IMAGE);
        assertThat(kubectl.ok("get", "nodes", "-o", "jsonpath={range .items[*]}{.metadata.name}="
                + "{.status.addresses[?(@.type==\"InternalIP\")].address} {end}").strip().split(" "))
                .containsExactlyInAnyOrder(CONTROL_PLANE + "=10.200.43.10", WORKER + "=10.200.43.11");
        assertThat(cluster.docker().network(ClusterPlanner.networkName(NAME)).orElseThrow().subnet())
                .isEqualTo("10.200.43.0/24");
    }

    @Test
    @Order(3)
    void featureGatesAreOnInTheApiServerTheKubeletsAndKubeProxy() {
        String enabled = "kubernetes_feature_enabled{name=\"" + ALPHA_GATE + "\",stage=\"ALPHA\"} 1";
        assertThat(kubectl.ok("get", "--raw", "/metrics").lines()).contains(enabled);
        for (String node : List.of(CONTROL_PLANE, WORKER)) {
            assertThat(kubectl.ok("get", "--raw", "/api/v1/nodes/" + node + "/proxy/metrics").lines())
                    .as("kubelet of %s", node).contains(enabled);
        }
        assertThat(kubeProxyConfig()).contains(ALPHA_GATE + ": true");
    }

    @Test
    @Order(4)
    void runtimeConfigServesAnAlphaApiThatIsOffByDefault() {
        assertThat(kubectl.ok("api-versions").lines()).contains(ALPHA_API);
    }

    @Test
    @Order(5)
    void podsAndServicesGetAddressesFromTheConfiguredSubnets() {
        assertThat(kubectl.ok("get", "nodes", "-o", "jsonpath={.items[*].spec.podCIDR}").split(" "))
                .allMatch(range -> range.startsWith("10.245."));
        assertThat(WebWorkload.pods(kubectl)).extracting(WebPod::ip).allMatch(ip -> ip.startsWith("10.245."));
        assertThat(kubectl.ok("get", "service", "kubernetes", "-o", "jsonpath={.spec.clusterIP}"))
                .isEqualTo("10.97.0.1");
        assertThat(kubectl.ok("get", "service", "-n", "kube-system", "kube-dns", "-o", "jsonpath={.spec.clusterIP}"))
                .isEqualTo("10.97.0.10");
    }

    @Test
    @Order(6)
    void kubeProxyRunsInNftablesModeAndServesATcpNodePortMappedOnlyOnTheListenAddress() throws Exception {
        assertThat(kubeProxyConfig()).contains("mode: nftables");
        assertThat(inspect(CONTROL_PLANE).hostBinding("30080/tcp")).isEqualTo("127.0.0.1:" + WEB_PORT);

        cluster.awaitService("default", "web");
        assertThat(nodeShell(CONTROL_PLANE, "nft list table ip kube-proxy")).contains("30080");

        String answer = HostHttp.get(URI.create("http://127.0.0.1:" + WEB_PORT + "/"));

        assertThat(answer.strip()).startsWith("web-");
    }

    @Test
    @Order(7)
    void aUdpPortMappingCarriesDnsQueriesFromTheHostToCoreDnsThroughAUdpNodePort() throws Exception {
        kubectl.ok("rollout", "status", "-n", "kube-system", "deployment/coredns", WAIT);
        assertThat(inspect(CONTROL_PLANE).hostBinding("30053/udp")).isEqualTo("127.0.0.1:" + DNS_PORT);

        cluster.awaitService("kube-system", "dns-udp");

        byte[] address = DnsQuery.resolve("127.0.0.1", DNS_PORT, "kubernetes.default.svc.cluster.local");

        assertThat(InetAddress.getByAddress(address).getHostAddress()).isEqualTo("10.97.0.1");
    }

    @Test
    @Order(8)
    void extraMountsAreSharedWithTheHostReadOnlyWhereAskedAndWithTheirPropagation() throws IOException {
        Files.writeString(MOUNTS.resolve("rw/from-host"), "host");
        Files.writeString(MOUNTS.resolve("ro/from-host"), "host");

        assertThat(nodeShell(CONTROL_PLANE, "cat /fields/rw/from-host /fields/ro/from-host")).isEqualTo("hosthost");
        nodeShell(CONTROL_PLANE, "echo node > /fields/rw/from-node");
        assertThat(Files.readString(MOUNTS.resolve("rw/from-node")).strip()).isEqualTo("node");
        ExecResult readOnly = cluster.docker().exec(CONTROL_PLANE,
                ExecRequest.of("sh", "-c", "echo node > /fields/ro/from-node"));
        assertThat(readOnly.ok()).isFalse();
        assertThat(readOnly.stderr()).contains("Read-only file system");

        // No SELinux on the test machines: the engine is asked to relabel, which is all that can be seen here.
        assertThat(inspect(CONTROL_PLANE).mountsByDestination().get("/fields/down").path("Mode").asText()).contains("Z");
    }

    @Test
    @Order(9)
    void aMountMadeOnTheHostAfterTheNodeStartedPropagatesIntoIt() throws IOException {
        Path down = MOUNTS.resolve("down/later");
        HostCommand.ok("mount", "-t", "tmpfs", "fields-down", down.toString());
        Files.writeString(down.resolve("proof"), "mounted on the host");

        assertThat(nodeShell(CONTROL_PLANE, "cat /fields/down/later/proof")).isEqualTo("mounted on the host");
        assertThat(inspect(CONTROL_PLANE).mountsByDestination().get("/fields/down").path("Propagation").asText())
                .isEqualTo("rslave");
    }

    @Test
    @Order(10)
    void kubeadmConfigPatchesReachTheClusterConfigurationTheKubeletsAndEachNode() {
        String clusterConfiguration = kubectl.ok("get", "configmap", "-n", "kube-system", "kubeadm-config", "-o",
                "jsonpath={.data.ClusterConfiguration}");
        assertThat(clusterConfiguration).contains("fields.example.test", "event-ttl");
        // kubectl checks the API server's certificate against this name: it must be among the certificate's SANs.
        kubectl.ok("--tls-server-name", "fields.example.test", "get", "--raw", "/readyz");
        assertThat(kubectl.ok("get", "pod", "-n", "kube-system", "kube-apiserver-" + CONTROL_PLANE, "-o",
                "jsonpath={.spec.containers[0].command}")).contains("--event-ttl=2h0m0s");
        assertThat(kubectl.ok("get", "nodes", "-o", "jsonpath={.items[*].status.capacity.pods}").split(" "))
                .containsExactly("77", "77");
        assertThat(nodeShell(CONTROL_PLANE, "cat /var/lib/kubelet/kubeadm-flags.env")).contains("--v=3");
        assertThat(nodeShell(WORKER, "cat /var/lib/kubelet/kubeadm-flags.env")).doesNotContain("--v=3");
        assertThat(kubectl.ok("get", "node", WORKER, "-o", "jsonpath={.spec.taints[*].key}"))
                .isEqualTo("fields.kubicle.dev/patched");
    }

    @Test
    @Order(11)
    void dnsSearchDomainsAreInEachNodesResolvConfAndInheritedByPodsAfterTheClusterOnes() {
        for (String node : List.of(CONTROL_PLANE, WORKER)) {
            assertThat(nodeShell(node, "cat /etc/resolv.conf").lines()).as("resolv.conf of %s", node)
                    .contains("search corp.example lab.example");
        }
        for (WebPod pod : WebWorkload.pods(kubectl)) {
            assertThat(WebWorkload.exec(kubectl, pod, "cat /etc/resolv.conf").lines()).as("resolv.conf of %s", pod)
                    .contains("search default.svc.cluster.local svc.cluster.local cluster.local corp.example "
                            + "lab.example");
        }
    }

    @Test
    @Order(12)
    void deleteRemovesEverything() throws IOException {
        cluster.deleteAndAssertGone();
    }

    private static Path mountSources() {
        try {
            Path root = Files.createTempDirectory("kubicle-fields-mounts");
            for (String name : List.of("rw", "ro", "down/later")) {
                Files.createDirectories(root.resolve(name));
            }
            String down = root.resolve("down").toString();
            HostCommand.ok("mount", "--bind", down, down);
            HostCommand.ok("mount", "--make-shared", down);
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String kubeProxyConfig() {
        return kubectl.ok("get", "configmap", "-n", "kube-system", "kube-proxy", "-o",
                "jsonpath={.data.config\\.conf}");
    }

    private static String nodeShell(String node, String script) {
        ExecResult result = cluster.docker().exec(node, ExecRequest.of("sh", "-c", script));
        assertThat(result.ok()).as("%s on %s: %s", script, node, result.stderr()).isTrue();
        return result.stdout();
    }

    private static NodeInspection inspect(String node) {
        return NodeInspection.of(cluster.docker(), node);
    }
}
