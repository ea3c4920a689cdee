package dev.kubicle.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cluster of one control plane and two workers from a kind config (no addresses given: kubicle pins them) that
 * lasts: stopped and started, through an engine restart, and with a worker's and the only control plane's
 * container removed by hand and made again. After each, every node has its address, and the workload, its
 * ConfigMap and the file on its volume are still there.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LastingClusterE2EIT {
    private static final String NAME = "e2e-lasting";
    private static final List<String> NODES = List.of(NAME + "-control-plane", NAME + "-worker", NAME + "-worker2");

    @RegisterExtension
    static final E2ECluster cluster = new E2ECluster(NAME,
            E2ECluster.kindConfig(NAME, 2) + ContainerdPatch.CONFIG);

    private static final LastingChecks checks = new LastingChecks(cluster);
    private static final LastingWorkload workload = new LastingWorkload(cluster);
    private static Map<String, String> addresses;
    private static String workerUid;

    @BeforeAll
    static void deployTheWorkload() {
        workload.deploy();
        workerUid = cluster.kubectl().ok("get", "node", NAME + "-worker", "-o", "jsonpath={.metadata.uid}");
    }

    @Test
    @Order(1)
    void everyNodeOfAKindConfigIsPinnedToTheAddressItsNodeObjectNames() {
        addresses = checks.addresses();

        assertThat(addresses).containsOnlyKeys(NODES);
        checks.assertAddressesKept(addresses);
        assertThat(checks.reportedState()).isEqualTo("running");
        workload.assertThere();
    }

    @Test
    @Order(2)
    void stopThenStartKeepsAddressesObjectsAndData() {
        checks.cliOk("stop", "cluster", "--name", NAME);

        assertThat(checks.reportedState()).isEqualTo("stopped");
        assertThat(cluster.docker().listNodes(Map.of("dev.kubicle.cluster", NAME)))
                .noneMatch(node -> node.running());

        checks.cliOk("start", "cluster", "--name", NAME);

        assertThat(checks.reportedState()).isEqualTo("running");
        checks.assertAddressesKept(addresses);
        workload.assertThere();
    }

    @Test
    @Order(3)
    void theClusterComesBackByItselfWhenTheEngineRestarts() throws InterruptedException {
        checks.restartEngineAndAwaitTheCluster(NODES);

        checks.assertAddressesKept(addresses);
        workload.assertThere();
    }

    @Test
    @Order(4)
    void aWorkerRemovedByHandIsMadeAgainByStartAsTheSameNode() {
        cluster.docker().deleteNode(NAME + "-worker");
        assertThat(checks.reportedState()).isEqualTo("partly running");

        checks.cliOk("start", "cluster", "--name", NAME);

        checks.assertAddressesKept(addresses);
        assertThat(cluster.kubectl().ok("get", "node", NAME + "-worker", "-o", "jsonpath={.metadata.uid}"))
                .as("the Node object is the one from before").isEqualTo(workerUid);
        ContainerdPatch.assertRunsOn(cluster.docker(), NAME + "-worker");
        workload.assertThere();
    }

    @Test
    @Order(5)
    void theOnlyControlPlaneRemovedByHandIsMadeAgainWithTheClustersState() {
        cluster.docker().deleteNode(NAME + "-control-plane");

        checks.cliOk("start", "cluster", "--name", NAME);

        checks.assertAddressesKept(addresses);
        ContainerdPatch.assertRunsOn(cluster.docker(), NAME + "-control-plane");
        workload.assertThere();
    }

    @Test
    @Order(6)
    void deleteRemovesEverything() throws IOException {
        cluster.deleteAndAssertGone();
    }
}
