package dev.kubicle.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

class ConfigFilesTest {
    /** Maven runs the tests in the module's directory; the examples live at the top of the repository. */
    private static final Path EXAMPLES = Path.of("..", "examples");

    @Test
    void loadsTheThreeNodeExample() {
        Cluster cluster = ConfigFiles.load(EXAMPLES.resolve("three-nodes.yaml"), Optional.empty(), Optional.empty());

        assertThat(cluster.name()).isEqualTo("three");
        assertThat(cluster.networking().subnet()).isEqualTo("172.30.0.0/24");
        assertThat(cluster.nodes()).extracting(Node::role).containsExactly("control-plane", "worker", "worker");
        assertThat(cluster.nodes()).extracting(Node::ip).containsExactly("172.30.0.10", "172.30.0.11", "172.30.0.12");
        assertThat(cluster.nodes().get(0).extraPortMappings())
                .containsExactly(new PortMapping(30080, 30080, "0.0.0.0", "TCP"));
    }

    @Test
    void loadsThePlainKindExample() {
        Cluster cluster = ConfigFiles.load(EXAMPLES.resolve("kind-basic.yaml"), Optional.empty(), Optional.empty());

        assertThat(cluster.apiVersion()).isEqualTo("kind.x-k8s.io/v1alpha4");
        assertThat(cluster.name()).isEqualTo("kubicle");
        assertThat(cluster.nodes()).extracting(Node::role).containsExactly("control-plane", "worker", "worker");
        assertThat(cluster.nodes()).extracting(Node::image).containsOnly(ConfigDefaults.DEFAULT_NODE_IMAGE);
    }

    @Test
    void appliesTheNameAndImageFlagsOverTheFile() {
        Cluster cluster = ConfigFiles.load(EXAMPLES.resolve("three-nodes.yaml"), Optional.of("other"),
                Optional.of("localhost:5000/node:dev"));

        assertThat(cluster.name()).isEqualTo("other");
        assertThat(cluster.nodes()).extracting(Node::image).containsOnly("localhost:5000/node:dev");
    }

    @Test
    void givesOneDefaultedControlPlaneWithoutAFile() {
        Cluster cluster = ConfigFiles.defaultCluster();

        assertThat(cluster.name()).isEqualTo("kubicle");
        assertThat(cluster.nodes()).containsExactly(new Node("control-plane", ConfigDefaults.DEFAULT_NODE_IMAGE,
                Map.of(), List.of(), List.of(), List.of(), List.of(), null, null));
    }

    @Test
    void blamesABadNameFlagOnTheFlag() {
        assertThatThrownBy(() -> ConfigFiles.defaultCluster(Optional.of("Dev"), Optional.of("Bad Image")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("command line: --name: \"Dev\" is not a valid cluster name; use lower-case letters,"
                        + " digits, '-' and '.', such as dev\n"
                        + "command line: --image: \"Bad Image\" is not a valid image reference;"
                        + " use [registry[:port]/]name[:tag][@sha256:<64 hex digits>], such as kubicle/node:v1.37.2");
    }

    @Test
    void letsAGoodNameFlagReplaceABadNameInTheFile() {
        Cluster cluster = ConfigFiles.load(ConfigTesting.kind("name: Bad_Name\n"), "c.yaml", Optional.of("good"),
                Optional.empty());

        assertThat(cluster.name()).isEqualTo("good");
    }

    @ParameterizedTest(name = "validates {0} from the examples")
    @ValueSource(strings = {"three-nodes.yaml", "kind-basic.yaml"})
    void printsEachExampleSoThatItReadsBackTheSame(String example) {
        Cluster cluster = ConfigFiles.load(EXAMPLES.resolve(example), Optional.empty(), Optional.empty());

        assertThat(ConfigLoader.parse(ConfigPrinter.toYaml(cluster), "printed")).isEqualTo(cluster);
    }
}
