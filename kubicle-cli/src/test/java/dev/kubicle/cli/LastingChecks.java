package dev.kubicle.cli;

import dev.kubicle.cluster.Labels;
import dev.kubicle.provider.NodeInfo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the tests of clusters that last check after every stop, start, engine restart or rebuild: each node at the
 * address it had, its Node object naming that address, and the cluster in the state kubicle reports.
 */
final class LastingChecks {
    private static final Duration ENGINE_RESTART_LIMIT = Duration.ofMinutes(3);

    private final E2ECluster cluster;

    LastingChecks(E2ECluster cluster) {
        this.cluster = cluster;
    }

    /** Every container of the cluster (nodes and load balancer) by name, with its address on the cluster network. */
    Map<String, String> addresses() {
        return cluster.docker().listNodes(Labels.ofCluster(cluster.name())).stream()
                .collect(Collectors.toMap(NodeInfo::name, NodeInfo::ip, (a, b) -> a, TreeMap::new));
    }

    /** Every Node object's InternalIP, by node name. */
    Map<String, String> nodeObjectAddresses() {
        return cluster.kubectl().ok("get", "nodes", "-o", "jsonpath={range .items[*]}{.metadata.name} "
                        + "{.status.addresses[?(@.type==\"InternalIP\")].address}{\"\\n\"}{end}").lines()
                .map(line -> line.split(" ")).collect(Collectors.toMap(f -> f[0], f -> f[1], (a, b) -> a,
                        TreeMap::new));
    }

    /** The addresses are the ones from before, and the Node objects name the addresses the containers have. */
    void assertAddressesKept(Map<String, String> before) {
        Map<String, String> now = addresses();
        assertThat(now).as("every container keeps its address").containsAllEntriesOf(before);
        nodeObjectAddresses().forEach((node, ip) ->
                assertThat(ip).as("Node %s's InternalIP", node).isEqualTo(now.get(node)));
    }

    /** What {@code kubicle get clusters} says of this cluster. */
    String reportedState() {
        CliRun run = cluster.cli("get", "clusters");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out().lines().filter(line -> line.startsWith(cluster.name() + " "))
                .map(line -> line.substring(cluster.name().length()).strip()).findFirst().orElse("(not listed)");
    }

    void cliOk(String... args) {
        long start = System.nanoTime();
        CliRun run = cluster.cli(args);
        cluster.log("kubicle " + String.join(" ", args) + " took " + E2ECluster.seconds(start) + "\n" + run.err());
        assertThat(run.exitCode()).as("kubicle %s: %s", String.join(" ", args), run.err()).isZero();
    }

    /**
     * Stops the engine as a host shutdown would and starts it again, as the project's script does; then waits, with
     * no kubicle command, until the API server answers and reaches the kubelet of every node (the Ready condition
     * of a Node object says Ready for a while after its kubelet went).
     */
    void restartEngineAndAwaitTheCluster(List<String> nodes) throws InterruptedException {
        ChildProcess.Output restart = ChildProcess.run(List.of("bash",
                        Path.of("..", "scripts", "ensure-engine.sh").toString(), "--restart"), Map.of(), null,
                Duration.ofMinutes(3));
        assertThat(restart.exitCode()).as("engine restart: %s%s", restart.out(), restart.err()).isZero();
        long start = System.nanoTime();
        for (String node : nodes) {
            cluster.kubectl().eventually(ENGINE_RESTART_LIMIT, "--request-timeout=5s", "get", "--raw",
                    "/api/v1/nodes/" + node + "/proxy/healthz");
        }
        cluster.kubectl().ok("wait", "--for=condition=Ready", "nodes", "--all", "--timeout=120s");
        cluster.log("every kubelet answered " + E2ECluster.seconds(start) + " after the engine was back");
    }
}
