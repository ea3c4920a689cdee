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
import java.util.List;
import java.util.Map;

import static dev.kubicle.cluster.TestConfigs.cluster;
import static dev.kubicle.cluster.TestConfigs.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What save, restore, list and delete of snapshots decide and refuse, over a recording provider; SnapshotE2EIT
 * proves on the engine that a restored cluster has the state of the save.
 */
class ClusterSnapshotsTest {
    private final RecordingProvider provider = new RecordingProvider();
    @TempDir
    Path home;
    private Clusters clusters;
    private ClusterSnapshots snapshots;

    @BeforeEach
    void aStoppedClusterExists() {
        provider.execAnswer = NodeAnswers::of;
        provider.images.add(TestConfigs.IMAGE);
        KubeconfigFiles kubeconfigs = new KubeconfigFiles(null, home);
        clusters = new Clusters(provider, Progress.silent(), NodeImageBuilder.none(), kubeconfigs);
        snapshots = new ClusterSnapshots(provider, Progress.silent(), kubeconfigs);
        clusters.create(cluster("ci", null, node("control-plane", null), node("worker", null)),
                new CreateOptions(false, Duration.ofSeconds(1), true, Duration.ZERO, true));
        clusters.stop("ci");
        provider.calls.clear();
    }

    @Test
    void aSaveCopiesEveryNodesVolumeIntoVolumesOfTheSnapshotOnlyWhichTheClusterDoesNotOwn() {
        snapshots.save("ci", "base");

        assertThat(provider.calls).contains("copyVolume ci-control-plane-var kubicle-snapshot-base-ci-control-plane",
                "copyVolume ci-worker-var kubicle-snapshot-base-ci-worker");
        assertThat(snapshots.list()).singleElement().satisfies(snapshot -> {
            assertThat(snapshot.name()).isEqualTo("base");
            assertThat(snapshot.cluster()).isEqualTo("ci");
            assertThat(snapshot.nodes()).isEqualTo(2);
            assertThat(snapshot.complete()).isTrue();
        });
        assertThat(provider.volumes(Labels.ofCluster("ci"))).containsExactlyInAnyOrder("ci-control-plane-var",
                "ci-worker-var");
    }

    @Test
    void aRestoreOfTheStoppedClusterRefillsItsVolumesInPlaceAndStartsTheContainersItHas() {
        snapshots.save("ci", "base");
        provider.calls.clear();

        assertThat(snapshots.restore("base", Duration.ZERO, false)).isEqualTo("ci");

        assertThat(provider.calls).containsSubsequence(
                "replaceVolumeContents kubicle-snapshot-base-ci-worker ci-worker-var", "startNode ci-worker");
        assertThat(provider.calls).noneMatch(call -> call.startsWith("delete") || call.startsWith("runNode"));
        assertThat(clusters.summaries()).containsExactly(new ClusterSummary("ci", ClusterState.RUNNING));
        assertThat(snapshots.list()).extracting(SnapshotSummary::name).containsExactly("base");
    }

    @Test
    void aClusterDeletedSinceTheSaveIsMadeAgainOnCopiesOfTheSavedVolumesAtItsAddresses() {
        snapshots.save("ci", "base");
        String workerIp = provider.nodes.get("ci-worker").ip().orElseThrow();
        clusters.delete("ci");
        provider.calls.clear();

        snapshots.restore("base", Duration.ZERO, false);

        assertThat(provider.calls).containsSubsequence("copyVolume kubicle-snapshot-base-ci-worker ci-worker-var",
                "runNode ci-worker");
        assertThat(provider.nodes.get("ci-worker").ip()).contains(workerIp);
        assertThat(clusters.summaries()).containsExactly(new ClusterSummary("ci", ClusterState.RUNNING));
    }

    @Test
    void aClusterWhoseNodesChangedSinceTheSaveIsRemovedAndMadeAgainFromTheSnapshot() {
        snapshots.save("ci", "base");
        provider.deleteNode("ci-worker");
        provider.deleteVolume("ci-worker-var");
        provider.calls.clear();

        snapshots.restore("base", Duration.ZERO, false);

        assertThat(provider.calls).containsSubsequence("deleteNode ci-control-plane",
                "deleteVolume ci-control-plane-var",
                "copyVolume kubicle-snapshot-base-ci-control-plane ci-control-plane-var", "runNode ci-control-plane");
        assertThat(provider.calls).contains("runNode ci-worker");
        assertThat(clusters.summaries()).containsExactly(new ClusterSummary("ci", ClusterState.RUNNING));
    }

    @Test
    void deleteRemovesEveryVolumeOfTheSnapshotAndNothingOfTheCluster() {
        snapshots.save("ci", "base");

        assertThat(snapshots.delete("base")).isTrue();

        assertThat(provider.volumes(Map.of("dev.kubicle.snapshot", ""))).isEmpty();
        assertThat(provider.volumes(Labels.ofCluster("ci"))).hasSize(2);
        assertThat(snapshots.delete("base")).isFalse();
    }

    @Test
    void aSaveThatFailsHalfWayLeavesNoPartOfTheSnapshot() {
        provider.volumes.put("kubicle-snapshot-base-ci-worker", Map.of());

        assertThatThrownBy(() -> snapshots.save("ci", "base")).isInstanceOf(KubicleException.class);

        assertThat(provider.volumes(Map.of("dev.kubicle.snapshot", ""))).isEmpty();
        assertThat(snapshots.list()).isEmpty();
    }

    @Test
    void badInputIsRefusedInOneLineBeforeAnythingIsMade() {
        snapshots.save("ci", "base");
        provider.calls.clear();
        record Refusal(Runnable operation, ExitCode code, String message) {
        }
        List<Refusal> refusals = List.of(
                new Refusal(() -> snapshots.save("ci", "base"), ExitCode.INVALID_INPUT,
                        "a snapshot named \"base\" exists already"),
                new Refusal(() -> snapshots.save("ci", "Bad Name"), ExitCode.INVALID_INPUT,
                        "snapshot name \"Bad Name\" is not valid"),
                new Refusal(() -> snapshots.save("nope", "other"), ExitCode.UNEXPECTED_STATE,
                        "no cluster named \"nope\" exists"),
                new Refusal(() -> snapshots.restore("missing", Duration.ZERO, false), ExitCode.INVALID_INPUT,
                        "no snapshot named \"missing\"; see 'kubicle get snapshots'"));
        for (Refusal refusal : refusals) {
            assertThatThrownBy(refusal.operation()::run).isInstanceOf(KubicleException.class)
                    .hasMessageStartingWith(refusal.message()).hasMessageNotContaining("\n")
                    .extracting(e -> ((KubicleException) e).exitCode()).isEqualTo(refusal.code());
        }
        assertThat(provider.calls).noneMatch(call -> call.startsWith("copyVolume") || call.startsWith("delete"));
    }

    @Test
    void aRunningClusterIsNeitherSavedNorOverwrittenByARestore() {
        snapshots.save("ci", "base");
        clusters.start("ci", Duration.ZERO);
        provider.calls.clear();

        for (Runnable operation : new Runnable[] {() -> snapshots.save("ci", "other"),
                () -> snapshots.restore("base", Duration.ZERO, false)}) {
            assertThatThrownBy(operation::run).isInstanceOf(KubicleException.class)
                    .hasMessageContaining("cluster \"ci\" is running")
                    .hasMessageContaining("'kubicle stop cluster --name ci'");
        }
        assertThat(provider.calls).noneMatch(call -> call.startsWith("copyVolume") || call.startsWith("delete"));
    }
}
