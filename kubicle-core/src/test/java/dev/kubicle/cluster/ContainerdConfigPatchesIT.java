package dev.kubicle.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubicle.config.ConfigFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Optional;

/** A one-node cluster whose containerd config is patched: the running containerd has the change, and the node works. */
class ContainerdConfigPatchesIT {
    private static final String CLUSTER = "ctd-it";

    @RegisterExtension
    static final LibraryCluster cluster = new LibraryCluster(CLUSTER);

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

        cluster.create(ConfigFiles.load(config, "containerd-patches.yaml", Optional.empty(), Optional.empty()),
                Duration.ofMinutes(2));

        assertThat(cluster.run("containerd", "config", "dump"))
                .contains("max_container_log_line_size = 23456")
                .containsPattern("registry\\.mirrors\\.\"kubicle\\.invalid\"\\]\\s+endpoint = \\[\"http://127.0.0.1:5000\"\\]");
        // containerd's CRI plugin logs the config it started with: the daemon that runs now has the patch.
        assertThat(cluster.run("sh", "-c", "journalctl -u containerd --no-pager | grep 'Start cri plugin with config' | tail -1"))
                .contains("MaxContainerLogLineSize:23456")
                .contains("kubicle.invalid:{Endpoints:[http://127.0.0.1:5000]");
        assertThat(cluster.kubectl("get", "node", cluster.controlPlane(), "-o",
                "jsonpath={.status.conditions[?(@.type==\"Ready\")].status}")).isEqualTo("True");
    }
}
