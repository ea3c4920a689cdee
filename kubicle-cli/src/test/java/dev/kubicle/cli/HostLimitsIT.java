package dev.kubicle.cli;

import dev.kubicle.cluster.ClusterPlanner;
import dev.kubicle.cluster.Labels;
import dev.kubicle.provider.Provider;
import dev.kubicle.provider.docker.DockerProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Config values that need something of the engine's host kernel: they work where the host has it, and where it has
 * not, the create is refused in one line that names the field, with nothing left behind. The engine runs on this
 * machine, so the test reads what the host has from its own /proc.
 */
class HostLimitsIT {
    private static final String NAME = "fields-limits";
    private static Provider docker;

    @TempDir
    Path dir;

    @BeforeAll
    static void connect() {
        docker = DockerProvider.connect();
    }

    @AfterAll
    static void disconnect() {
        docker.close();
    }

    @AfterEach
    void deleteCluster() {
        CliRun.of("delete", "cluster", "--name", NAME, "--kubeconfig", kubeconfig());
    }

    /** The engine's userland proxy opens the SCTP socket on the host. */
    @Test
    void anSctpPortIsPublishedWhereTheHostHasSctpAndRefusedInOneLineWhereItHasNot() throws IOException {
        int hostPort = HostPorts.freeTcp("127.0.0.1");

        CliRun create = create(E2ECluster.kindConfig(NAME, 0) + """
                  extraPortMappings:
                  - containerPort: 30500
                    hostPort: %d
                    listenAddress: 127.0.0.1
                    protocol: SCTP
                """.formatted(hostPort), "--no-kubernetes");

        if (Files.readString(Path.of("/proc/net/protocols")).contains("SCTP")) {
            assertThat(create.exitCode()).as(create.err()).isZero();
            assertThat(NodeInspection.of(docker, NAME + "-control-plane").hostBinding("30500/sctp"))
                    .isEqualTo("127.0.0.1:" + hostPort);
        } else {
            assertRefused(create, 2, "cannot publish SCTP ports (its kernel has no SCTP)");
        }
    }

    /** kube-proxy in IPVS mode needs IP_VS in the kernel the nodes share with the host. */
    @Test
    void ipvsProxyModeRunsWhereTheHostHasIpvsAndIsRefusedInOneLineWhereItHasNot() throws IOException {
        CliRun create = create(E2ECluster.kindConfig(NAME, 0).replace("nodes:", """
                networking:
                  kubeProxyMode: ipvs
                nodes:"""));

        if (Files.isDirectory(Path.of("/proc/sys/net/ipv4/vs"))) {
            assertThat(create.exitCode()).as(create.err()).isZero();
            assertThat(HostKubectl.using(dir.resolve("kubeconfig")).ok("get", "configmap", "-n", "kube-system",
                    "kube-proxy", "-o", "jsonpath={.data.config\\.conf}")).contains("mode: ipvs");
        } else {
            assertRefused(create, 2, "networking.kubeProxyMode: ipvs needs IPVS in the kernel");
        }
    }

    private CliRun create(String config, String... flags) throws IOException {
        Path file = dir.resolve("cluster.yaml");
        Files.writeString(file, config);
        List<String> args = new ArrayList<>(List.of("create", "cluster", "--config", file.toString(),
                "--kubeconfig", kubeconfig()));
        args.addAll(List.of(flags));
        return CliRun.of(args.toArray(String[]::new));
    }

    private String kubeconfig() {
        return dir.resolve("kubeconfig").toString();
    }

    private static void assertRefused(CliRun create, int exitCode, String message) {
        assertThat(create.exitCode()).as(create.err()).isEqualTo(exitCode);
        assertThat(create.err()).contains(message);
        assertThat(docker.listNodes(Labels.ofCluster(NAME))).isEmpty();
        assertThat(docker.volumes(Labels.ofCluster(NAME))).isEmpty();
        assertThat(docker.network(ClusterPlanner.networkName(NAME))).isEmpty();
    }
}
