package dev.kubicle.cluster;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.kubeconfig.KubeconfigFiles;
import dev.kubicle.progress.Progress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static dev.kubicle.cluster.TestConfigs.cluster;
import static dev.kubicle.cluster.TestConfigs.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The order and the decisions of stop and start over a recording provider; the ITs prove them on the engine. */
class ClusterLifecycleTest {
    private static final String BALANCER = "ha-external-load-balancer";
    private final RecordingProvider provider = new RecordingProvider();
    @TempDir
    Path home;
    private Clusters clusters;

    @BeforeEach
    void anHaClusterExists() {
        provider.execAnswer = NodeAnswers::of;
        provider.images.add(TestConfigs.IMAGE);
        provider.images.add(LoadBalancerImage.REFERENCE);
        clusters = new Clusters(provider, Progress.silent(), NodeImageBuilder.none(), new KubeconfigFiles(null, home));
        clusters.create(cluster("ha", null, node("control-plane", null), node("control-plane", null),
                node("worker", null)), new CreateOptions(false, Duration.ofSeconds(1), true, Duration.ZERO, true));
        provider.calls.clear();
    }

    @Test
    void everyNodeAndTheBalancerArePinnedToAnAddressOfTheClusterNetwork() {
        assertThat(provider.nodes.values()).allSatisfy(spec -> assertThat(spec.ip()).isPresent());
        assertThat(provider.nodes.values()).extracting(spec -> spec.ip().orElseThrow()).doesNotHaveDuplicates()
                .allMatch(ip -> ip.startsWith("172.18.0.") && !ip.equals("172.18.0.1"));
    }

    @Test
    void stopEndsKubeletsFirstThenWorkersTheBalancerAndLastTheControlPlanes() {
        clusters.stop("ha");

        assertThat(indexOf("exec ha-worker sh -c timeout 30 systemctl stop kubelet"))
                .isLessThan(indexOf("exec ha-control-plane sh -c timeout 30 systemctl stop kubelet"))
                .isLessThan(indexOf("stopNode ha-worker"));
        assertThat(provider.calls).containsSubsequence("stopNode ha-worker", "stopNode " + BALANCER,
                "stopNode ha-control-plane");
        assertThat(provider.calls.indexOf("stopNode " + BALANCER)).isLessThan(provider.calls.indexOf(
                "stopNode ha-control-plane2"));
        assertThat(clusters.summaries()).containsExactly(new ClusterSummary("ha", ClusterState.STOPPED));
    }

    @Test
    void startBringsControlPlanesBackFirstThenTheBalancerThenWorkers() {
        clusters.stop("ha");
        provider.calls.clear();

        clusters.start("ha", Duration.ZERO);

        assertThat(provider.calls).containsSubsequence("startNode ha-control-plane", "startNode " + BALANCER,
                "startNode ha-worker");
        assertThat(provider.calls.indexOf("startNode ha-control-plane2")).isLessThan(provider.calls.indexOf(
                "startNode " + BALANCER));
        assertThat(clusters.summaries()).containsExactly(new ClusterSummary("ha", ClusterState.RUNNING));
    }

    @Test
    void aNodeAndTheBalancerRemovedByHandAreMadeAgainFromTheirRecordsWithTheirAddresses() {
        String workerIp = provider.nodes.get("ha-worker").ip().orElseThrow();
        provider.deleteNode("ha-worker");
        provider.deleteNode(BALANCER);
        assertThat(clusters.summaries()).containsExactly(new ClusterSummary("ha", ClusterState.PARTLY_RUNNING));

        clusters.start("ha", Duration.ZERO);

        assertThat(provider.calls).contains("runNode ha-worker", "createContainer " + BALANCER);
        assertThat(provider.nodes.get("ha-worker").ip()).contains(workerIp);
        assertThat(clusters.summaries()).containsExactly(new ClusterSummary("ha", ClusterState.RUNNING));
    }

    @Test
    void aStartCutShortHalfWayIsFinishedByTheNextStart() {
        clusters.stop("ha");
        provider.failStartOnce.add(BALANCER);

        assertThatThrownBy(() -> clusters.start("ha", Duration.ZERO)).isInstanceOf(KubicleException.class);
        assertThat(clusters.summaries()).containsExactly(new ClusterSummary("ha", ClusterState.PARTLY_RUNNING));

        clusters.start("ha", Duration.ZERO);

        assertThat(clusters.summaries()).containsExactly(new ClusterSummary("ha", ClusterState.RUNNING));
    }

    @Test
    void aNodeWhoseImageIsGoneIsNamedWithTheImageAndHowToGetItBack() {
        provider.deleteNode("ha-worker");
        provider.images.remove(TestConfigs.IMAGE);

        assertThatThrownBy(() -> clusters.start("ha", Duration.ZERO)).isInstanceOf(KubicleException.class)
                .hasMessageContaining("ha-worker").hasMessageContaining(TestConfigs.IMAGE)
                .hasMessageContaining("kubicle build node-image");
    }

    @Test
    void stopAndStartOfAClusterThatDoesNotExistSayItInOneLine() {
        for (Runnable operation : new Runnable[] {() -> clusters.stop("nope"),
                () -> clusters.start("nope", Duration.ZERO)}) {
            assertThatThrownBy(operation::run).isInstanceOf(KubicleException.class)
                    .hasMessage("no cluster named \"nope\" exists; see 'kubicle get clusters'")
                    .extracting(e -> ((KubicleException) e).exitCode()).isEqualTo(ExitCode.UNEXPECTED_STATE);
        }
    }

    private int indexOf(String callStart) {
        for (int i = 0; i < provider.calls.size(); i++) {
            if (provider.calls.get(i).startsWith(callStart)) {
                return i;
            }
        }
        throw new AssertionError("no call starts with " + callStart + ": " + provider.calls);
    }
}
