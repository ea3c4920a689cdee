package dev.kubicle.cli;

import dev.kubicle.cluster.ClusterPlanner;
import dev.kubicle.cluster.Labels;
import dev.kubicle.provider.Provider;
import dev.kubicle.provider.docker.DockerProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code extraPortMappings} with protocol SCTP: published where the host's kernel has SCTP, and otherwise refused in
 * one line that says why, with nothing left behind. The engine's userland proxy opens the SCTP socket on the host,
 * which is also where this test runs.
 */
class SctpPortMappingIT {
    private static final String NAME = "fields-sctp";

    @TempDir
    Path dir;

    @AfterEach
    void deleteCluster() {
        CliRun.of("delete", "cluster", "--name", NAME, "--kubeconfig", dir.resolve("kubeconfig").toString());
    }

    @Test
    void anSctpPortIsPublishedWhereTheHostHasSctpAndRefusedInOneLineWhereItHasNot() throws IOException {
        int hostPort = HostPorts.freeTcp("127.0.0.1");
        Path config = dir.resolve("sctp.yaml");
        Files.writeString(config, E2ECluster.kindConfig(NAME, 0) + """
                  extraPortMappings:
                  - containerPort: 30500
                    hostPort: %d
                    listenAddress: 127.0.0.1
                    protocol: SCTP
                """.formatted(hostPort));

        CliRun create = CliRun.of("create", "cluster", "--no-kubernetes", "--config", config.toString(),
                "--kubeconfig", dir.resolve("kubeconfig").toString());

        try (Provider docker = DockerProvider.connect()) {
            if (Files.readString(Path.of("/proc/net/protocols")).contains("SCTP")) {
                assertThat(create.exitCode()).as(create.err()).isZero();
                assertThat(docker.inspectJson(NAME + "-control-plane"))
                        .contains("\"30500/sctp\":[{\"HostIp\":\"127.0.0.1\",\"HostPort\":\"" + hostPort + "\"}]");
            } else {
                assertThat(create.exitCode()).isEqualTo(3);
                assertThat(create.err()).contains("cannot publish SCTP ports (its kernel has no SCTP)");
                assertThat(docker.listNodes(Labels.ofCluster(NAME))).isEmpty();
                assertThat(docker.volumes(Labels.ofCluster(NAME))).isEmpty();
                assertThat(docker.network(ClusterPlanner.networkName(NAME))).isEmpty();
            }
        }
    }
}
