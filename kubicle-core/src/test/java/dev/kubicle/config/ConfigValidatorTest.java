package dev.kubicle.config;

import static dev.kubicle.config.ConfigTesting.kind;
import static dev.kubicle.config.ConfigTesting.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

class ConfigValidatorTest {

    @Test
    void reportsEveryProblemOfAFileAtOnceOneLineEach() throws URISyntaxException, IOException {
        Path file = ConfigLoaderTest.resource("many-problems.yaml");
        String expected = Files.readString(ConfigLoaderTest.resource("many-problems.txt"));

        assertThatThrownBy(() -> ConfigFiles.load(file, Optional.empty(), Optional.empty()))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(e.getMessage().replace(file.toString(), "many-problems.yaml"))
                        .isEqualTo(expected.strip()));
    }

    @Test
    void failsAsInvalidInputWithTheProblemsAttached() {
        Cluster cluster = ConfigDefaults.apply(ConfigLoader.parse(kind("name: A\n"), "c.yaml"));

        assertThatThrownBy(() -> ConfigValidator.validate(cluster, "c.yaml"))
                .isInstanceOf(KubicleException.class)
                .satisfies(e -> {
                    assertThat(((KubicleException) e).exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
                    assertThat(((ConfigException) e).sourceName()).isEqualTo("c.yaml");
                    assertThat(((ConfigException) e).problems()).extracting(ConfigProblem::path)
                            .containsExactly("name");
                });
    }

    @Test
    void writesEachProblemAsFilePathWhatAndHow() {
        ConfigProblem problem = new ConfigProblem("nodes[2].extraPortMappings[0].hostPort", "70000 is out of range",
                "use a port from 0 to 65535");

        assertThat(problem.describe("cluster.yaml")).isEqualTo(
                "cluster.yaml: nodes[2].extraPortMappings[0].hostPort: 70000 is out of range;"
                        + " use a port from 0 to 65535");
        assertThat(new ConfigProblem("", "is empty", "").describe("c.yaml")).isEqualTo("c.yaml: is empty");
    }

    @Test
    void acceptsAConfigBuiltInCode() {
        Networking networking = new Networking("ipv4", "127.0.0.1", 0, "10.244.0.0/16", "10.96.0.0/16", false,
                "iptables", List.of(), "172.30.0.0/24");
        Cluster cluster = new Cluster("Cluster", "kubicle.dev/v1alpha1", "coded", Map.of(), Map.of(), networking,
                List.of(new Node("control-plane", "kubicle/node:test", Map.of(), List.of(), List.of(), List.of(),
                        List.of(), "172.30.0.10", null)),
                List.of(), List.of(), List.of(), List.of());

        assertThat(ConfigValidator.problems(cluster)).isEmpty();
    }

    @Test
    void reportsKubicleFieldsInAKindFileOnlyOnce() {
        assertThat(problems(kind("nodes:\n- ip: 10.0.0.300\n"))).containsExactly(
                "cluster.yaml: nodes[0].ip: is a kubicle field that kind.x-k8s.io/v1alpha4 does not have;"
                        + " switch apiVersion to kubicle.dev/v1alpha1 to use it");
    }

    @Test
    void acceptsAConfigUsingEveryField() throws URISyntaxException {
        assertThat(ConfigFiles.load(ConfigLoaderTest.resource("all-fields.yaml"), Optional.empty(), Optional.empty())
                .nodes()).hasSize(1);
    }
}
