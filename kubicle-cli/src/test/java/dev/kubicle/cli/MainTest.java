package dev.kubicle.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Command-line behaviour that needs no engine. */
class MainTest {

    @Test
    void versionPrintsOneLineWithTheBuildVersion() {
        CliRun run = CliRun.of("version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).matches("kubicle v\\d+\\.\\d+\\.\\d+\\S* java\\d+ \\S+/\\S+\\n");
    }

    @Test
    void helpListsEveryCommandThoughARunBuildsOnlyTheOneItNames() {
        CliRun help = CliRun.of("--help");
        CliRun deleteHelp = CliRun.of("delete", "--help");
        CliRun completion = CliRun.of("generate-completion");

        assertThat(help.out()).contains("build", "create", "delete", "export", "get", "load", "version",
                "generate-completion");
        assertThat(deleteHelp.exitCode()).isZero();
        assertThat(deleteHelp.out()).contains("Usage: kubicle delete", "cluster", "clusters", "--help");
        assertThat(completion.exitCode()).isZero();
        assertThat(completion.out()).contains("kubicle_delete_cluster", "kubicle_get_nodes", "kubicle_version");
    }

    @Test
    void anUnknownProviderIsInvalidInputNamingTheFlagAndTheChoices() {
        CliRun run = CliRun.of("get", "clusters", "--provider", "lxc");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("ERROR: --provider \"lxc\" is not an engine kubicle knows; use docker, "
                + "podman or auto");
    }

    @Test
    void anUnknownCommandIsAUsageErrorWithExitCodeTwo() {
        CliRun run = CliRun.of("frobnicate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("ERROR: ").contains("frobnicate");
    }

    @Test
    void buildNodeImageRefusesAVersionOrImageNameItCannotUseBeforeTouchingTheEngine() {
        CliRun version = CliRun.of("build", "node-image", "--kubernetes-version", "1.37");
        CliRun image = CliRun.of("build", "node-image", "--image", "Kubicle/Node:v1");

        assertThat(version.exitCode()).isEqualTo(2);
        assertThat(version.err()).contains("--kubernetes-version \"1.37\" is not a Kubernetes release version; "
                + "give one like v1.37.2");
        assertThat(image.exitCode()).isEqualTo(2);
        assertThat(image.err()).contains("--image \"Kubicle/Node:v1\" is not an image reference; give one like "
                + "kubicle/node:v1.37.2");
    }

    @Test
    void dryRunPrintsTheResolvedConfigAndNodePlanWithoutAnEngine(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("cluster.yaml");
        Files.writeString(config, """
                kind: Cluster
                apiVersion: kubicle.dev/v1alpha1
                name: plan
                networking:
                  subnet: 172.30.9.0/24
                nodes:
                - role: control-plane
                  ip: 172.30.9.10
                - role: worker
                  ip: 172.30.9.11
                  extraPortMappings:
                  - containerPort: 30080
                    hostPort: 30080
                """);

        CliRun run = CliRun.of("create", "cluster", "--config", config.toString(), "--dry-run",
                "--image", "example/node:v1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("podSubnet: \"10.244.0.0/16\"".replace("\"", ""))
                .contains("name: plan-control-plane", "name: plan-worker")
                .contains("ip: 172.30.9.11")
                .contains("image: example/node:v1")
                .contains("0.0.0.0:30080->30080/tcp", "127.0.0.1:random->6443/tcp");
    }

    @Test
    void anInvalidConfigIsOneLinePerProblemNamingFileFieldAndFix(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, """
                kind: Cluster
                apiVersion: kind.x-k8s.io/v1alpha4
                nodes:
                - role: worker
                  extraPortMappings:
                  - containerPort: 80
                    hostPort: 70000
                """);

        CliRun run = CliRun.of("create", "cluster", "--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("bad.yaml")
                .contains("nodes[0].extraPortMappings[0].hostPort")
                .contains("control-plane");
    }
}
