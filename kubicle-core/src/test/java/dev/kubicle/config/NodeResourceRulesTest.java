package dev.kubicle.config;

import static dev.kubicle.config.ConfigTesting.kind;
import static dev.kubicle.config.ConfigTesting.kubicle;
import static dev.kubicle.config.ConfigTesting.load;
import static dev.kubicle.config.ConfigTesting.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

class NodeResourceRulesTest {
    private static final long GIB = 1L << 30;

    private static String worker(String resources) {
        return kubicle("nodes:\n- role: control-plane\n- role: worker\n  resources: " + resources + "\n");
    }

    @ParameterizedTest(name = "cpus {0} is {1} billionths of a CPU")
    @CsvSource({"1.5, 1500000000", "'\"2\"', 2000000000", "0.5, 500000000", "1500m, 1500000000", "2., 2000000000"})
    void readsCpusAsANumberOrAStringOrMillicores(String cpus, long nanoCpus) {
        Cluster cluster = load(worker("{cpus: " + cpus + "}"));

        assertThat(cluster.nodes().get(1).resources().nanoCpus()).isEqualTo(nanoCpus);
        assertThat(cluster.nodes().get(1).resources().memoryBytes()).as("no memory limit").isZero();
    }

    @ParameterizedTest(name = "memory {0} is {1} bytes")
    @CsvSource({"2Gi, 2147483648", "512Mi, 536870912", "1048576Ki, 1073741824", "2147483648, 2147483648",
            "1.5Gi, 1610612736", "1G, 1000000000", "600M, 600000000"})
    void readsMemoryAsAKubernetesQuantity(String memory, long bytes) {
        Cluster cluster = load(worker("{memory: " + memory + "}"));

        assertThat(cluster.nodes().get(1).resources().memoryBytes()).isEqualTo(bytes);
        assertThat(cluster.nodes().get(1).resources().nanoCpus()).as("no CPU limit").isZero();
    }

    @Test
    void leavesNodesWithoutResourcesUnlimited() {
        Cluster cluster = load(kubicle("nodes:\n- role: control-plane\n"));

        assertThat(cluster.nodes().get(0).resources()).isNull();
    }

    static Stream<Arguments> invalidResources() {
        return Stream.of(
                Arguments.of("rejects cpus that are no number", worker("{cpus: two}"),
                        "cluster.yaml: nodes[1].resources.cpus: \"two\" is not a number of CPUs;"
                                + " write a decimal number such as 1.5, or millicores such as 1500m"),
                Arguments.of("rejects a negative number of cpus", worker("{cpus: -1}"),
                        "cluster.yaml: nodes[1].resources.cpus: \"-1\" is not a number of CPUs;"
                                + " write a decimal number such as 1.5, or millicores such as 1500m"),
                Arguments.of("rejects cpus below what a node needs", worker("{cpus: 0.25}"),
                        "cluster.yaml: nodes[1].resources.cpus: 0.25 CPU is too little for a worker node to run;"
                                + " give it at least 0.5, or leave it out for no limit"),
                Arguments.of("rejects cpus below what a control plane's static pods request",
                        kubicle("nodes:\n- role: control-plane\n  resources: {cpus: 900m}\n"),
                        "cluster.yaml: nodes[0].resources.cpus: 900m CPU is too little for a control-plane node to"
                                + " run; give it at least 1, or leave it out for no limit"),
                Arguments.of("rejects memory in a unit Kubernetes does not know", worker("{memory: 2GB}"),
                        "cluster.yaml: nodes[1].resources.memory: \"2GB\" is not an amount of memory;"
                                + " write a Kubernetes quantity such as 2Gi, 512Mi or 2147483648 (bytes)"),
                Arguments.of("rejects memory below what a worker needs", worker("{memory: 256Mi}"),
                        "cluster.yaml: nodes[1].resources.memory: 256Mi is too little memory for a worker node to"
                                + " run; give it at least 512Mi, or leave it out for no limit"),
                Arguments.of("rejects memory below what a control plane needs",
                        kubicle("nodes:\n- role: control-plane\n  resources: {memory: 768Mi}\n"),
                        "cluster.yaml: nodes[0].resources.memory: 768Mi is too little memory for a control-plane"
                                + " node to run; give it at least 1Gi, or leave it out for no limit"),
                Arguments.of("rejects an unknown field with a suggestion", worker("{cpu: 1}"),
                        "cluster.yaml: nodes[1].resources.cpu: is not a known field; did you mean cpus?"),
                Arguments.of("rejects resources in a kind file",
                        kind("nodes:\n- role: control-plane\n  resources: {cpus: 1}\n"),
                        "cluster.yaml: nodes[0].resources: is a kubicle field that kind.x-k8s.io/v1alpha4 does not"
                                + " have; switch apiVersion to kubicle.dev/v1alpha1 to use it"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidResources")
    void reportsResourcesThatCannotWork(String behaviour, String yaml, String expectedLine) {
        assertThat(problems(yaml)).containsExactly(expectedLine);
    }

    @Test
    void rejectsLimitsBeyondWhatTheEnginesHostHas() {
        Cluster cluster = load(worker("{cpus: 4, memory: 32Gi}"));

        assertThatThrownBy(() -> ConfigValidator.validateOnHost(cluster, 2, 24 * GIB + 123, "cluster.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("cluster.yaml: nodes[1].resources.cpus: 4 CPUs are more than the engine's host has (2);"
                        + " use at most 2\n"
                        + "cluster.yaml: nodes[1].resources.memory: 32Gi is more memory than the engine's host has"
                        + " (24Gi); use at most 24Gi");
    }

    @Test
    void acceptsLimitsTheHostHas() {
        Cluster cluster = load(worker("{cpus: 2, memory: 24Gi}"));

        ConfigValidator.validateOnHost(cluster, 2, 24 * GIB, "cluster.yaml");
    }
}
