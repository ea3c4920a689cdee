package dev.kubicle.cli;

import dev.kubicle.cli.WebWorkload.WebPod;
import dev.kubicle.cluster.ClusterPlanner;
import dev.kubicle.cluster.Labels;
import dev.kubicle.provider.NetworkInfo;
import dev.kubicle.provider.NodeInfo;
import dev.kubicle.provider.NodeSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A running cluster of kind's config grows by a worker and shrinks again through {@code kubicle create node} and
 * {@code kubicle delete node}, while a web Deployment behind a Service keeps answering; what cannot work is refused
 * in one line (exit code 2 for bad input, 3 for a cluster that is not there), and leaves nothing behind.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NodeLifecycleE2EIT {
    private static final String NAME = "e2e-nodes";
    private static final String CONTROL_PLANE = NAME + "-control-plane";
    private static final String WORKER = NAME + "-worker";
    private static final String ADDED = NAME + "-worker2";

    /** A cluster-wide patch of every join, which a worker added later must get too. */
    private static final String JOIN_PATCH = """
            kubeadmConfigPatches:
            - |
              kind: JoinConfiguration
              nodeRegistration:
                taints:
                - {key: e2e/patched, value: "yes", effect: PreferNoSchedule}
            """;

    @RegisterExtension
    static final E2ECluster cluster = new E2ECluster(NAME, E2ECluster.kindConfig(NAME, 1)
            + JOIN_PATCH + ContainerdPatch.CONFIG);

    /** Two web servers at first, one on each node; scaled up once a node is added, the third goes there. */
    private static final String WEB = WebWorkload.deployment(2) + "---\n" + WebWorkload.service();

    private static HostKubectl kubectl;

    @BeforeAll
    static void deployTheWorkload() {
        kubectl = cluster.kubectl();
        kubectl.apply(WEB);
    }

    @Test
    @Order(1)
    void whatCannotWorkIsRefusedInOneLineAndNothingIsMade() {
        String taken = node(CONTROL_PLANE).ip();
        Set<String> containers = containerNames();
        List<String> volumes = cluster.docker().volumes(Labels.ofCluster(NAME));

        assertRefused(cli("create", "node", "--name", NAME + "-absent"), 3, "no cluster named \"e2e-nodes-absent\" "
                + "exists");
        assertRefused(cli("create", "node", "--name", NAME, "--ip", taken), 2, "--ip " + taken + " is already the "
                + "address of a node of the cluster");
        assertRefused(cli("create", "node", "--name", NAME, "--ip", "10.255.255.7"), 2, "--ip 10.255.255.7 is "
                + "outside the cluster network's subnet");
        assertRefused(cli("create", "node", "--name", NAME, "--role", "control-plane"), 2, "cluster \"e2e-nodes\" has "
                + "one control plane and no load balancer, so it cannot gain control planes; create the cluster "
                + "with two or more control planes to be able to add more");
        assertRefused(cli("delete", "node", NAME + "-worker9"), 2, "no node named \"e2e-nodes-worker9\" exists");
        assertRefused(cli("delete", "node", CONTROL_PLANE), 2, CONTROL_PLANE + " is the last control plane of cluster "
                + "\"e2e-nodes\", which cannot lose it");

        assertThat(containerNames()).isEqualTo(containers);
        assertThat(cluster.docker().volumes(Labels.ofCluster(NAME))).containsExactlyInAnyOrderElementsOf(volumes);
    }

    @Test
    @Order(2)
    void anAddedWorkerIsReadyAtTheNextAddressWithTheNextPodCidrAndItsLabels() {
        String next = nextFreeAddress();

        CliRun add = cli("create", "node", "--name", NAME, "--labels", "e2e=added,tier=edge");

        assertThat(add.exitCode()).as(add.err()).isZero();
        assertThat(add.err()).contains("Node \"" + ADDED + "\" (worker, " + next + ") joined cluster \"" + NAME + "\"");
        assertThat(node(ADDED).ip()).isEqualTo(next);
        assertThat(kubectl.ok("get", "node", ADDED, "-o", "jsonpath={.status.conditions[?(@.type==\"Ready\")]"
                + ".status} {.status.addresses[?(@.type==\"InternalIP\")].address} {.spec.podCIDR} "
                + "{.metadata.labels.e2e} {.metadata.labels.tier}"))
                .isEqualTo("True " + next + " 10.244.2.0/24 added edge");
        // The node controller takes its own not-ready taint off a moment after the node turns Ready: not ours.
        assertThat(kubectl.ok("get", "node", ADDED, "-o", "jsonpath={.spec.taints[*].key}").split(" "))
                .as("the cluster's kubeadm patches").contains("e2e/patched");
        ContainerdPatch.assertRunsOn(cluster.docker(), ADDED);
        assertThat(cluster.docker().recordedNodes(Labels.ofCluster(NAME))).extracting(NodeSpec::name)
                .as("a start makes it again like the others").contains(ADDED);
    }

    /** Its Compose export would be the cluster as created: without the added node, another cluster. */
    @Test
    @Order(3)
    void aClusterWithAnAddedNodeIsNotExportedAsComposeProject() throws IOException {
        Path output = Files.createTempDirectory("e2e-nodes-compose").resolve("project");

        assertRefused(cli("export", "compose", "--name", NAME, "--output", output.toString()), 3,
                "cluster \"e2e-nodes\" has nodes [e2e-nodes-control-plane, e2e-nodes-worker, e2e-nodes-worker2]"
                        + " but was created with [e2e-nodes-control-plane, e2e-nodes-worker]");
        assertThat(output).doesNotExist();
    }

    @Test
    @Order(4)
    void aPodOnTheAddedWorkerReachesAPodOnTheFirstWorkerAndTheService() {
        kubectl.ok("scale", "deployment/web", "--replicas=3");
        Map<String, WebPod> byNode = webPods();
        WebPod added = byNode.get(ADDED);
        WebPod first = byNode.get(WORKER);
        cluster.awaitService("default", "web");
        String service = kubectl.ok("get", "service", "web", "-o", "jsonpath={.spec.clusterIP}");

        assertThat(exec(added, "timeout 10 wget -q -O - http://" + first.ip() + ":8080/").strip())
                .isEqualTo(first.name());
        assertThat(exec(added, "timeout 10 wget -q -O - http://" + service + "/").strip()).startsWith("web-");
    }

    @Test
    @Order(5)
    void aDeletedWorkerLeavesNoContainerVolumeOrNodeObjectAndTheServiceKeepsAnswering() {
        CliRun delete = cli("delete", "node", ADDED);

        assertThat(delete.exitCode()).as(delete.err()).isZero();
        assertThat(cluster.docker().inspectNode(ADDED)).isEmpty();
        assertThat(cluster.docker().volumes(Labels.ofCluster(NAME))).noneMatch(volume -> volume.startsWith(ADDED));
        assertThat(cluster.docker().recordedNodes(Labels.ofCluster(NAME))).extracting(NodeSpec::name)
                .doesNotContain(ADDED);
        assertThat(kubectl.run("get", "node", ADDED).err()).contains("NotFound");
        // Its pod has nowhere to go (one per node): two replicas are what the cluster can hold now.
        kubectl.ok("scale", "deployment/web", "--replicas=2");
        WebPod client = webPods().get(CONTROL_PLANE);
        cluster.awaitService("default", "web");
        String service = kubectl.ok("get", "service", "web", "-o", "jsonpath={.spec.clusterIP}");
        assertThat(exec(client, "timeout 10 wget -q -O - http://" + service + "/").strip()).startsWith("web-");
    }

    @Test
    @Order(6)
    void deleteClusterRemovesEverythingLeft() throws IOException {
        cluster.deleteAndAssertGone();
    }

    /** The web pods by node, once the Deployment has all its replicas ready. */
    private static Map<String, WebPod> webPods() {
        return WebWorkload.pods(kubectl).stream().collect(Collectors.toMap(WebPod::node, pod -> pod));
    }

    private static String exec(WebPod pod, String script) {
        return WebWorkload.exec(kubectl, pod, script);
    }

    private static NodeInfo node(String name) {
        return cluster.docker().inspectNode(name).orElseThrow();
    }

    private static Set<String> containerNames() {
        return cluster.docker().listNodes(Labels.ofCluster(NAME)).stream().map(NodeInfo::name)
                .collect(Collectors.toSet());
    }

    /** The lowest address of the cluster network after its gateway that no node has, as kubicle hands them out. */
    private static String nextFreeAddress() {
        NetworkInfo network = cluster.docker().network(ClusterPlanner.networkName(NAME)).orElseThrow();
        Set<String> taken = cluster.docker().listNodes(Labels.ofCluster(NAME)).stream().map(NodeInfo::ip)
                .collect(Collectors.toCollection(HashSet::new));
        taken.add(network.gateway());
        String[] base = network.subnet().split("/")[0].split("\\.");
        for (int last = 2; ; last++) {
            String candidate = base[0] + "." + base[1] + "." + base[2] + "." + last;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    private static void assertRefused(CliRun run, int exitCode, String message) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(exitCode);
        assertThat(run.err().strip().lines()).as(run.err()).singleElement().asString()
                .startsWith("ERROR: " + message);
    }

    private static CliRun cli(String... args) {
        return CliRun.ofJar(Map.of("KUBECONFIG", cluster.kubeconfig().toString()), args);
    }
}
