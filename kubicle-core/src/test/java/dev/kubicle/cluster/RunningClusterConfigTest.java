package dev.kubicle.cluster;

import dev.kubicle.KubicleException;
import dev.kubicle.cluster.internal.ClusterConfigRecord;
import dev.kubicle.cluster.internal.compose.RunningClusterConfig;
import dev.kubicle.config.Cluster;
import dev.kubicle.config.Node;
import dev.kubicle.kubeconfig.KubeconfigFiles;
import dev.kubicle.progress.Progress;
import dev.kubicle.provider.ExecResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static dev.kubicle.cluster.TestConfigs.cluster;
import static dev.kubicle.cluster.TestConfigs.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The config a Compose export of a running cluster starts from, over a recording provider. */
class RunningClusterConfigTest {
    private final RecordingProvider provider = new RecordingProvider();
    @TempDir
    Path home;
    private Clusters clusters;

    @BeforeEach
    void answerLikeKubernetesNodesThatKeepTheirRecord() {
        provider.execAnswer = request -> String.join(" ", request.command()).equals("cat " + ClusterConfigRecord.PATH)
                ? new ExecResult(0, provider.files.getOrDefault("dev-control-plane:" + ClusterConfigRecord.PATH, ""),
                "") : NodeAnswers.of(request);
        clusters = new Clusters(provider, Progress.silent(), NodeImageBuilder.none(), new KubeconfigFiles(null, home));
        provider.images.add(TestConfigs.IMAGE);
    }

    @Test
    void whatTheEngineChoseAtCreateIsFixedAsTheClusterHasIt() {
        clusters.create(cluster("dev", null, node("control-plane", null), node("worker", null)), options());

        Cluster exported = RunningClusterConfig.of(provider, Progress.silent(), "dev");

        assertThat(exported.apiVersion()).isEqualTo("kubicle.dev/v1alpha1");
        assertThat(exported.networking().subnet()).isEqualTo("172.18.0.0/16");
        assertThat(exported.networking().apiServerPort()).isEqualTo(41000);
        assertThat(exported.nodes()).extracting(Node::role).containsExactly("control-plane", "worker");
        assertThat(exported.nodes()).extracting(Node::ip).containsExactly("172.18.0.2", "172.18.0.3");
    }

    @Test
    void aClusterWhoseNodesChangedSinceCreateIsRefused() {
        clusters.create(cluster("dev", null, node("control-plane", null), node("worker", null)), options());
        provider.deleteNode("dev-worker");

        assertThatThrownBy(() -> RunningClusterConfig.of(provider, Progress.silent(), "dev"))
                .isInstanceOf(KubicleException.class)
                .hasMessage("cluster \"dev\" has nodes [dev-control-plane] but was created with"
                        + " [dev-control-plane, dev-worker]: export a config file that lists its nodes with --config");
    }

    @Test
    void aStoppedClusterIsRefusedWithWhatToDo() {
        clusters.create(cluster("dev", null, node("control-plane", null)), options());
        provider.exited.add("dev-control-plane");

        assertThatThrownBy(() -> RunningClusterConfig.of(provider, Progress.silent(), "dev"))
                .hasMessageStartingWith("cluster \"dev\" is not running; start it first ('kubicle start cluster"
                        + " --name dev')");
    }

    private static CreateOptions options() {
        return new CreateOptions(false, Duration.ofSeconds(1), true, Duration.ZERO, true);
    }
}
