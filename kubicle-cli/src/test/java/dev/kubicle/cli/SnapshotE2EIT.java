package dev.kubicle.cli;

import dev.kubicle.cluster.Labels;
import dev.kubicle.provider.factory.ProviderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 1+1 cluster saved as a snapshot while stopped, changed, and restored: the restore brings back the objects as
 * they were at the save, at the same addresses, every node Ready and the workload's pods running; a cluster deleted
 * since the save comes back too. Save and restore refuse a running cluster, a taken or unknown name, in one line,
 * making nothing; a save stopped by a signal midway leaves no part of the snapshot, a restore stopped midway no part
 * of the cluster; deleting the snapshot leaves none of its volumes on the engine.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SnapshotE2EIT {
    private static final String NAME = "snap-e2e";
    private static final String SNAPSHOT = "snap-e2e-base";
    private static final String INTERRUPTED = "snap-e2e-interrupted";
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(2);
    private static final String MANIFESTS = WebWorkload.deployment(2) + """
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: kept
            data:
              state: saved
            """;

    @RegisterExtension
    static final E2ECluster cluster = new E2ECluster(NAME, E2ECluster.kindConfig(NAME, 1));

    private static final LastingChecks checks = new LastingChecks(cluster);
    private static Map<String, String> addresses;

    @TempDir
    Path dir;

    @BeforeAll
    static void deployTheWorkloadAndStop() {
        cluster.kubectl().apply(MANIFESTS);
        cluster.kubectl().ok("rollout", "status", "deployment/web", "--timeout=120s");
        addresses = checks.addresses();
        CliRun refused = cluster.cli("create", "snapshot", SNAPSHOT, "--name", NAME);
        assertThat(refused.exitCode()).as(refused.err()).isEqualTo(3);
        assertThat(refused.err().lines()).singleElement().asString().contains("cluster \"" + NAME + "\" is running",
                "'kubicle stop cluster --name " + NAME + "'");
        assertThat(snapshotVolumes("")).isEmpty();
        checks.cliOk("stop", "cluster", "--name", NAME);
    }

    @AfterAll
    static void deleteTheSnapshots() {
        cluster.cli("delete", "snapshot", SNAPSHOT);
        cluster.cli("delete", "snapshot", INTERRUPTED);
    }

    @Test
    @Order(1)
    void aStoppedClusterIsSavedAndListedWhileTheClusterStaysAsItWas() {
        checks.cliOk("create", "snapshot", SNAPSHOT, "--name", NAME);

        CliRun list = cluster.cli("get", "snapshots");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).containsPattern("(?m)^" + SNAPSHOT + " +" + NAME + " +2 +\\S+ +complete$");
        assertThat(snapshotVolumes(SNAPSHOT)).hasSize(2);
        assertThat(checks.reportedState()).isEqualTo("stopped");
        CliRun taken = cluster.cli("create", "snapshot", SNAPSHOT, "--name", NAME);
        assertThat(taken.exitCode()).as(taken.err()).isEqualTo(2);
        assertThat(taken.err().lines()).singleElement().asString()
                .contains("a snapshot named \"" + SNAPSHOT + "\" exists already");
    }

    @Test
    @Order(2)
    void aSaveStoppedBySignalMidwayLeavesNoPartOfTheSnapshot() throws Exception {
        CliProcess save = background("save.log", "create", "snapshot", INTERRUPTED, "--name", NAME);
        save.awaitOutput("• Copying the nodes' volumes", STEP_TIMEOUT);

        int exitCode = save.stop();

        assertThat(save.output()).contains("ERROR: interrupted");
        assertThat(exitCode).isNotZero();
        assertThat(snapshotVolumes(INTERRUPTED)).as(save.output()).isEmpty();
        assertThat(copyHelpers()).as(save.output()).isEmpty();
        assertThat(cluster.cli("get", "snapshots").out()).doesNotContain(INTERRUPTED);
    }

    @Test
    @Order(3)
    void restoreBringsBackTheStateOfTheSaveAtTheSameAddresses() {
        checks.cliOk("start", "cluster", "--name", NAME);
        cluster.kubectl().ok("patch", "configmap", "kept", "-p", "{\"data\":{\"state\":\"changed\"}}");
        cluster.kubectl().ok("scale", "deployment/web", "--replicas=1");
        CliRun whileRunning = cluster.cli("restore", "snapshot", SNAPSHOT);
        assertThat(whileRunning.exitCode()).as(whileRunning.err()).isEqualTo(3);
        assertThat(whileRunning.err().lines()).singleElement().asString()
                .contains("cluster \"" + NAME + "\" is running");
        assertThat(configMapState()).isEqualTo("changed");
        checks.cliOk("stop", "cluster", "--name", NAME);

        long start = System.nanoTime();
        checks.cliOk("restore", "snapshot", SNAPSHOT);
        Duration restore = Duration.ofNanos(System.nanoTime() - start);
        cluster.log("restore took " + restore.toMillis() + " ms, create " + cluster.createTime().toMillis()
                + " ms: ratio " + String.format("%.2f", (double) restore.toMillis() / cluster.createTime().toMillis()));

        assertThat(configMapState()).isEqualTo("saved");
        assertThat(cluster.kubectl().ok("get", "deployment", "web", "-o", "jsonpath={.spec.replicas}"))
                .isEqualTo("2");
        assertRunningWithWorkload();
    }

    @Test
    @Order(4)
    void aClusterDeletedSinceTheSaveIsRestoredWithItsKubeconfigAndARestoreStoppedMidwayLeavesNoCluster()
            throws Exception {
        checks.cliOk("delete", "cluster", "--name", NAME);
        assertThat(checks.reportedState()).isEqualTo("(not listed)");
        CliProcess stopped = background("restore.log", "restore", "snapshot", SNAPSHOT);
        stopped.awaitOutput("• Copying snapshot", STEP_TIMEOUT);
        assertThat(stopped.stop()).isNotZero();
        assertThat(stopped.output()).contains("ERROR: interrupted");
        assertThat(cluster.docker().nodeNames(Labels.ofCluster(NAME))).as(stopped.output()).isEmpty();
        assertThat(cluster.docker().volumes(Labels.ofCluster(NAME))).as(stopped.output()).isEmpty();
        assertThat(copyHelpers()).as(stopped.output()).isEmpty();
        assertThat(snapshotVolumes(SNAPSHOT)).hasSize(2);

        checks.cliOk("restore", "snapshot", SNAPSHOT);

        assertThat(configMapState()).isEqualTo("saved");
        assertRunningWithWorkload();
    }

    @Test
    @Order(5)
    void deletingTheSnapshotLeavesNothingOfItAndKeepsTheCluster() throws IOException {
        CliRun unknown = cluster.cli("restore", "snapshot", "snap-e2e-nothing");
        assertThat(unknown.exitCode()).as(unknown.err()).isEqualTo(2);
        assertThat(unknown.err().lines()).singleElement().asString()
                .contains("no snapshot named \"snap-e2e-nothing\"; see 'kubicle get snapshots'");

        checks.cliOk("delete", "snapshot", SNAPSHOT);

        assertThat(snapshotVolumes(SNAPSHOT)).isEmpty();
        assertThat(copyHelpers()).isEmpty();
        assertThat(cluster.cli("get", "snapshots").out()).doesNotContain(SNAPSHOT);
        assertThat(checks.reportedState()).isEqualTo("running");
        assertThat(cluster.cli("delete", "snapshot", SNAPSHOT).exitCode()).isEqualTo(2);
        cluster.deleteAndAssertGone();
    }

    /** The command line in the background with -v, which prints each step as it begins, to be stopped midway. */
    private CliProcess background(String log, String... args) throws IOException {
        List<String> verbose = new ArrayList<>(List.of(args));
        verbose.add("-v");
        return CliProcess.start(dir.resolve(log), Map.of("KUBECONFIG", cluster.kubeconfig().toString(),
                ProviderFactory.ENVIRONMENT, "docker"), verbose.toArray(String[]::new));
    }

    /** Every node at its address and Ready, the web pods running, and kubicle saying the cluster runs. */
    private static void assertRunningWithWorkload() {
        checks.assertAddressesKept(addresses);
        assertThat(checks.reportedState()).isEqualTo("running");
        cluster.kubectl().ok("wait", "--for=condition=Ready", "nodes", "--all", "--timeout=60s");
        cluster.kubectl().ok("rollout", "status", "deployment/web", "--timeout=120s");
        assertThat(cluster.kubectl().ok("get", "pods", "-l", "app=web", "-o",
                "jsonpath={.items[*].status.phase}")).isEqualTo("Running Running");
    }

    private static String configMapState() {
        return cluster.kubectl().ok("get", "configmap", "kept", "-o", "jsonpath={.data.state}");
    }

    /** The engine's volumes of that snapshot ("" for any), found by kubicle's label as an engine user would. */
    private static List<String> snapshotVolumes(String snapshot) {
        return cluster.docker().volumes(Map.of("dev.kubicle.snapshot", snapshot));
    }

    /** Helper containers of volume copies, found by their label; none may outlive a save or restore. */
    private static List<String> copyHelpers() {
        return cluster.docker().nodeNames(Map.of("dev.kubicle.volume-copy", ""));
    }
}
