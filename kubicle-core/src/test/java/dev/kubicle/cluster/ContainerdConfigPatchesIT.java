package dev.kubicle.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubicle.config.ConfigFiles;
import dev.kubicle.kubeconfig.KubeconfigFiles;
import dev.kubicle.nodeimage.OfflineNodeImages;
import dev.kubicle.progress.Progress;
import dev.kubicle.provider.ExecRequest;
import dev.kubicle.provider.ExecResult;
import dev.kubicle.provider.Provider;
import dev.kubicle.provider.docker.DockerProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** A one-node cluster whose containerd config is patched: the running containerd has the change, and the node works. */
class ContainerdConfigPatchesIT {
    private static final String CLUSTER = "ctd-it";
    private static final String NODE = CLUSTER + "-control-plane";
    private static Provider docker;
    private static Clusters clusters;

    @TempDir
    static Path dir;

    @BeforeAll
    static void connect() {
        docker = DockerProvider.connect();
        clusters = new Clusters(docker, Progress.silent(), new OfflineNodeImages(),
                new KubeconfigFiles(dir.resolve("kubeconfig").toString(), dir));
        clusters.delete(CLUSTER);
    }

    @AfterAll
    static void cleanUp() {
        clusters.delete(CLUSTER);
        docker.close();
    }

    @Test
    void patchesContainerdBeforeKubeadmAndTheNodeBecomesReady() {
        String config = """
                kind: Cluster
                apiVersion: kind.x-k8s.io/v1alpha4
                name: %s
                containerdConfigPatches:
                - |-
                  [plugins."io.containerd.grpc.v1.cri"]
                    max_container_log_line_size = 12345
                - |-
                  [plugins."io.containerd.grpc.v1.cri".registry.mirrors."kubicle.invalid"]
                    endpoint = ["http://127.0.0.1:5000"]
                containerdConfigPatchesJSON6902:
                - |
                  - op: test
                    path: /plugins/io.containerd.grpc.v1.cri/max_container_log_line_size
                    value: 12345
                  - op: replace
                    path: /plugins/io.containerd.grpc.v1.cri/max_container_log_line_size
                    value: 23456
                """.formatted(CLUSTER);

        clusters.create(ConfigFiles.load(config, "containerd-patches.yaml", Optional.empty(), Optional.empty()),
                CreateOptions.defaults().withWaitReady(Duration.ofMinutes(2)));

        assertThat(run("containerd", "config", "dump"))
                .contains("max_container_log_line_size = 23456")
                .containsPattern("registry\\.mirrors\\.\"kubicle\\.invalid\"\\]\\s+endpoint = \\[\"http://127.0.0.1:5000\"\\]");
        // containerd's CRI plugin logs the config it started with: the daemon that runs now has the patch.
        assertThat(run("sh", "-c", "journalctl -u containerd --no-pager | grep 'Start cri plugin with config' | tail -1"))
                .contains("MaxContainerLogLineSize:23456")
                .contains("kubicle.invalid:{Endpoints:[http://127.0.0.1:5000]");
        assertThat(run("kubectl", "--kubeconfig", "/etc/kubernetes/admin.conf", "get", "node", NODE, "-o",
                "jsonpath={.status.conditions[?(@.type==\"Ready\")].status}")).isEqualTo("True");
    }

    private static String run(String... command) {
        ExecResult result = docker.exec(NODE, ExecRequest.of(command));
        assertThat(result.ok()).as(result.stderr()).isTrue();
        return result.stdout().strip();
    }
}
