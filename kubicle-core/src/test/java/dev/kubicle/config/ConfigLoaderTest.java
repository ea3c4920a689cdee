package dev.kubicle.config;

import static dev.kubicle.config.ConfigTesting.kind;
import static dev.kubicle.config.ConfigTesting.kubicle;
import static dev.kubicle.config.ConfigTesting.readError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubicle.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

class ConfigLoaderTest {

    @Test
    void readsEveryFieldOfKindsSchemaAndKubiclesOwn() throws URISyntaxException {
        Cluster cluster = ConfigLoader.parse(resource("all-fields.yaml"));

        assertThat(cluster.name()).isEqualTo("everything");
        assertThat(cluster.featureGates()).containsExactlyInAnyOrderEntriesOf(
                Map.of("InPlacePodVerticalScaling", true, "CSIMigration", false));
        assertThat(cluster.runtimeConfig()).containsExactlyEntriesOf(Map.of("api/alpha", "true"));
        assertThat(cluster.networking()).isEqualTo(new Networking("dual", "127.0.0.2", 6443,
                "10.240.0.0/16,fd00:10:240::/56", "10.90.0.0/16,fd00:10:90::/112", true, "nftables",
                List.of("example.com"), "172.30.0.0/24"));
        Node node = cluster.nodes().get(0);
        assertThat(node.labels()).containsExactlyEntriesOf(Map.of("tier", "1.10"));
        assertThat(node.extraMounts()).containsExactly(new Mount("/data", "/tmp", true, true, "HostToContainer"));
        assertThat(node.extraPortMappings()).containsExactly(new PortMapping(80, 8080, "127.0.0.1", "udp"));
        assertThat(node.kubeadmConfigPatches()).containsExactly("kind: InitConfiguration\n");
        assertThat(node.kubeadmConfigPatchesJSON6902().get(0).version()).isEqualTo("v1beta4");
        assertThat(node.ip()).isEqualTo("172.30.0.10");
        assertThat(node.resources()).isEqualTo(new NodeResources("1.5", "2Gi"));
        assertThat(cluster.kubeadmConfigPatchesJSON6902().get(0).patch())
                .isEqualTo("[{\"op\": \"remove\", \"path\": \"/a\"}]");
        assertThat(cluster.containerdConfigPatches().get(0)).startsWith("[plugins.").doesNotEndWith("\n");
        assertThat(cluster.containerdConfigPatchesJSON6902()).hasSize(1);
    }

    @Test
    void leavesFieldsThatAreNotWrittenNull() {
        Cluster cluster = ConfigLoader.parse(kind(""), "c.yaml");

        assertThat(cluster).isEqualTo(new Cluster("Cluster", "kind.x-k8s.io/v1alpha4", null, null, null, null, null,
                null, null, null, null));
    }

    @Test
    void keepsScalarsAsWrittenWhenAStringIsExpected() {
        Cluster cluster = ConfigLoader.parse(kubicle("name: 007\nnodes:\n- labels: {a: 1.10, b: true, c: 0x1F}\n"),
                "c.yaml");

        assertThat(cluster.name()).isEqualTo("007");
        assertThat(cluster.nodes().get(0).labels()).containsExactlyInAnyOrderEntriesOf(
                Map.of("a", "1.10", "b", "true", "c", "0x1F"));
    }

    static Stream<Arguments> decodingProblems() {
        return Stream.of(
                Arguments.of("suggests the field an unknown one was meant to be",
                        kind("nodes:\n- role: worker\n  extraPortMapping: []\n"),
                        "cluster.yaml: nodes[0].extraPortMapping: is not a known field;"
                                + " did you mean extraPortMappings?"),
                Arguments.of("suggests a field spelt in another case",
                        kind("containerdConfigPatchesJson6902: []\n"),
                        "cluster.yaml: containerdConfigPatchesJson6902: is not a known field;"
                                + " did you mean containerdConfigPatchesJSON6902?"),
                Arguments.of("lists the allowed fields when nothing is close",
                        kind("networking:\n  banana: 1\n"),
                        "cluster.yaml: networking.banana: is not a known field; remove it; the fields here are"
                                + " ipFamily, apiServerAddress, apiServerPort, podSubnet, serviceSubnet,"
                                + " disableDefaultCNI, kubeProxyMode, dnsSearch, subnet"),
                Arguments.of("finds unknown fields deep in the file",
                        kind("nodes:\n- extraMounts:\n  - containerPath: /a\n    readonly: true\n"),
                        "cluster.yaml: nodes[0].extraMounts[0].readonly: is not a known field;"
                                + " did you mean readOnly?"),
                Arguments.of("rejects a quoted number for a port",
                        kind("networking:\n  apiServerPort: \"6443\"\n"),
                        "cluster.yaml: networking.apiServerPort: expected a whole number but found the string"
                                + " \"6443\"; write it without quotes: 6443"),
                Arguments.of("suggests the number meant by a port that a leading zero made a string",
                        kind("networking:\n  apiServerPort: 080\n"),
                        "cluster.yaml: networking.apiServerPort: expected a whole number but found the string"
                                + " \"080\"; write it as 80"),
                Arguments.of("rejects a word for a port",
                        kind("nodes:\n- extraPortMappings:\n  - containerPort: http\n"),
                        "cluster.yaml: nodes[0].extraPortMappings[0].containerPort: expected a whole number but found"
                                + " the string \"http\"; use a whole number"),
                Arguments.of("rejects a fraction for a port",
                        kind("networking:\n  apiServerPort: 64.5\n"),
                        "cluster.yaml: networking.apiServerPort: expected a whole number but found the number 64.5;"
                                + " use a whole number"),
                Arguments.of("rejects a number too large for any field",
                        kind("networking:\n  apiServerPort: 99999999999\n"),
                        "cluster.yaml: networking.apiServerPort: 99999999999 is too large;"
                                + " use a number closer to zero"),
                Arguments.of("rejects a number too small for any field",
                        kind("nodes:\n- extraPortMappings:\n  - hostPort: -99999999999\n"),
                        "cluster.yaml: nodes[0].extraPortMappings[0].hostPort: -99999999999 is too small;"
                                + " use a number closer to zero"),
                Arguments.of("rejects a quoted boolean",
                        kind("networking:\n  disableDefaultCNI: \"true\"\n"),
                        "cluster.yaml: networking.disableDefaultCNI: expected true or false but found the string"
                                + " \"true\"; write it without quotes: true"),
                Arguments.of("rejects a list where a mapping belongs",
                        kind("nodes:\n- labels: [a, b]\n"),
                        "cluster.yaml: nodes[0].labels: expected a mapping but found a list;"
                                + " write one key: value per line"),
                Arguments.of("rejects a mapping where a list belongs",
                        kind("nodes:\n  role: worker\n"),
                        "cluster.yaml: nodes: expected a list but found a mapping;"
                                + " write one item per line, each starting with '- '"),
                Arguments.of("rejects a list where a single value belongs",
                        kind("name: [a, b]\n"),
                        "cluster.yaml: name: expected a single value but found a list;"
                                + " write one value after the colon"),
                Arguments.of("rejects a string where a node belongs",
                        kind("nodes:\n- worker\n"),
                        "cluster.yaml: nodes[0]: expected a mapping but found the string \"worker\";"
                                + " write its fields as indented field: value lines"),
                Arguments.of("rejects an empty list item",
                        kind("nodes:\n-\n"),
                        "cluster.yaml: nodes[0]: is empty; fill it in or remove the lone '-'"),
                Arguments.of("rejects a feature gate without a value",
                        kind("featureGates:\n  Foo:\n"),
                        "cluster.yaml: featureGates.Foo: has no value;"
                                + " write a value after the colon, or \"\" for an empty one"),
                Arguments.of("keeps a field name that holds a newline on one line",
                        kind("\"na\\nme\": a\n"),
                        "cluster.yaml: [\"na\\nme\"]: is not a known field; did you mean name?"),
                Arguments.of("names an empty key by its quotes", kind("? \"\"\n: a\n"),
                        "cluster.yaml: [\"\"]: is not a known field; remove it; the fields here are kind, apiVersion,"
                                + " name, featureGates, runtimeConfig, networking, nodes, kubeadmConfigPatches,"
                                + " kubeadmConfigPatchesJSON6902, containerdConfigPatches,"
                                + " containerdConfigPatchesJSON6902, engines"),
                Arguments.of("rejects a file that is not a mapping",
                        "- a\n- b\n",
                        "cluster.yaml: expected a mapping but found a list;"
                                + " write its fields as indented field: value lines"),
                Arguments.of("rejects a missing kind",
                        "apiVersion: kubicle.dev/v1alpha1\n",
                        "cluster.yaml: kind: is missing; add kind: Cluster"),
                Arguments.of("rejects an unknown kind",
                        "apiVersion: kubicle.dev/v1alpha1\nkind: Config\n",
                        "cluster.yaml: kind: \"Config\" is not a kind of config kubicle reads; use kind: Cluster"),
                Arguments.of("rejects a missing apiVersion",
                        "kind: Cluster\n",
                        "cluster.yaml: apiVersion: is missing; add apiVersion: kubicle.dev/v1alpha1"
                                + " (or kind.x-k8s.io/v1alpha4 for a kind file)"),
                Arguments.of("rejects an unknown apiVersion",
                        "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha3\n",
                        "cluster.yaml: apiVersion: \"kind.x-k8s.io/v1alpha3\" is not supported;"
                                + " use apiVersion: kubicle.dev/v1alpha1 (or kind.x-k8s.io/v1alpha4 for a kind file)"),
                Arguments.of("rejects kubicle's subnet in a kind file",
                        kind("networking:\n  subnet: 172.30.0.0/24\n"),
                        "cluster.yaml: networking.subnet: is a kubicle field that kind.x-k8s.io/v1alpha4 does not"
                                + " have; switch apiVersion to kubicle.dev/v1alpha1 to use it"),
                Arguments.of("rejects kubicle's node ip in a kind file",
                        kind("nodes:\n- role: control-plane\n- ip: 172.30.0.11\n"),
                        "cluster.yaml: nodes[1].ip: is a kubicle field that kind.x-k8s.io/v1alpha4 does not have;"
                                + " switch apiVersion to kubicle.dev/v1alpha1 to use it"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decodingProblems")
    void reportsDecodingProblemsWithTheirPath(String behaviour, String yaml, String expectedLine) {
        assertThatThrownBy(() -> ConfigLoader.parse(yaml, "cluster.yaml"))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(e.getMessage().lines()).contains(expectedLine));
    }

    static Stream<Arguments> unreadableYaml() {
        return Stream.of(
                Arguments.of("reports a syntax error with its line", "kind: Cluster\nnodes:\n- role: a: b\n",
                        "cluster.yaml: is not valid YAML at line 3: mapping values are not allowed here;"
                                + " fix the YAML syntax there"),
                Arguments.of("reports a tab used for indentation", "kind: Cluster\nnodes:\n\t- role: worker\n",
                        "cluster.yaml: is not valid YAML at line 3:"),
                Arguments.of("reports a field written twice", "kind: Cluster\nname: a\nname: b\n",
                        "cluster.yaml: is not valid YAML at line 3: Duplicate field 'name'"),
                Arguments.of("explains a key that is a list", "kind: Cluster\n? [a, b]\n: c\n",
                        "cluster.yaml: is not valid YAML at line 2: a key must be a single value written out, not a"
                                + " list, a mapping or an alias; fix the YAML syntax there"),
                Arguments.of("stops at nesting too deep to read", "kind: Cluster\nname: " + "[".repeat(5000) + "\n",
                        "cluster.yaml: is not valid YAML: Document nesting depth (1001) exceeds the maximum allowed"),
                Arguments.of("reports an empty file", "# nothing yet\n",
                        "cluster.yaml: is empty; start it with apiVersion: kubicle.dev/v1alpha1 and kind: Cluster"),
                Arguments.of("reports more than one document", kind("") + "---\n" + kind(""),
                        "cluster.yaml: holds 2 YAML documents; keep one cluster per file"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableYaml")
    void reportsYamlThatCannotBeRead(String behaviour, String yaml, String expectedStart) {
        assertThat(readError(yaml)).startsWith(expectedStart);
    }

    @Test
    void reportsEveryDecodingProblemAtOnce() {
        String yaml = kind("nam: a\nnetworking:\n  apiServerPort: x\nnodes:\n- rol: worker\n");

        assertThatThrownBy(() -> ConfigLoader.parse(yaml, "cluster.yaml"))
                .satisfies(e -> assertThat(((ConfigException) e).problems()).extracting(ConfigProblem::path)
                        .containsExactly("networking.apiServerPort", "nodes[0].rol", "nam"));
    }

    @Test
    void reportsAMissingFileAsInvalidInput(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yaml");

        assertThatThrownBy(() -> ConfigLoader.parse(missing))
                .isInstanceOf(ConfigException.class)
                .hasMessage(missing + ": does not exist; check the path given to --config")
                .satisfies(e -> assertThat(((ConfigException) e).exitCode()).isEqualTo(ExitCode.INVALID_INPUT));
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(ConfigLoaderTest.class.getResource("/config/" + name).toURI());
    }
}
