package dev.kubicle.cli;

import dev.kubicle.provider.ExecRequest;
import dev.kubicle.provider.ExecResult;
import dev.kubicle.provider.Provider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A containerd patch for a cluster's config, and the check that a node's containerd runs with it: nodes made after
 * create (added, or made again from their volume) must get the cluster's patches as the first nodes did.
 */
final class ContainerdPatch {
    /** Top-level fields to append to a config file. */
    static final String CONFIG = """
            containerdConfigPatches:
            - |-
              [plugins."io.containerd.grpc.v1.cri"]
                max_container_log_line_size = 23456
            """;

    private ContainerdPatch() {
    }

    /** containerd's CRI plugin logs the config it starts with; the last such line is the daemon that runs now. */
    static void assertRunsOn(Provider docker, String node) {
        ExecResult started = docker.exec(node, ExecRequest.of("sh", "-c",
                "journalctl -u containerd --no-pager | grep 'Start cri plugin with config' | tail -1"));
        assertThat(started.stdout()).as("the config containerd on %s started with", node)
                .contains("MaxContainerLogLineSize:23456");
    }
}
