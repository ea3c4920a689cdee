package dev.kubicle.kubeconfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KubeconfigTest {

    private static final String DEV = """
            apiVersion: v1
            kind: Config
            clusters:
            - name: kubicle-dev
              cluster: {server: "https://127.0.0.1:41234"}
            users:
            - name: kubicle-dev
              user: {token: new}
            contexts:
            - name: kubicle-dev
              context: {cluster: kubicle-dev, user: kubicle-dev}
            current-context: kubicle-dev
            """;

    @Test
    void keepsEveryFieldThroughARoundTrip() {
        Kubeconfig users = Kubeconfig.parse(Resources.read("users-config.yaml"));

        Kubeconfig again = Kubeconfig.parse(users.toYaml());

        assertThat(again).isEqualTo(users);
        assertThat(again.toTree().at("/extensions/0/extension/owner").asText()).isEqualTo("platform");
        assertThat(again.toTree().at("/clusters/0/cluster/proxy-url").asText()).isEqualTo("socks5://localhost:1080");
    }

    @Test
    void writesUnquotedNumbersAndBooleansBackExactlyAsTheUserWroteThem() {
        String yaml = Kubeconfig.parse("""
                clusters:
                - name: 1.10
                  cluster: {retries: 03, skip: yes, rate: .inf, size: 1_000, tls: Off}
                """).toYaml();

        assertThat(yaml).contains("name: 1.10", "skip: yes", "rate: .inf", "size: 1_000", "tls: Off");
    }

    @Test
    void writesAnUnquotedNumberWithALeadingZeroQuotedWithTheSameText() {
        // SnakeYAML insists on quoting these; kubectl reads both forms as the same string.
        assertThat(Kubeconfig.parse("preferences: {mode: 0755}\n").toYaml()).contains("mode: '0755'");
    }

    @Test
    void quotesStringsThatYamlWouldOtherwiseReadAsNumbersOrBooleans() {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        tree.putArray("clusters").addObject().put("name", "dev").putObject("cluster")
                .put("hex", "0x1F").put("word", "yes").put("digits", "0123").put("empty", "").put("plain", "https://x");

        Kubeconfig read = Kubeconfig.parse(Kubeconfig.parse(KubeconfigYaml.write(tree)).toYaml());

        JsonNode cluster = read.toTree().at("/clusters/0/cluster");
        assertThat(cluster.get("hex").isTextual()).isTrue();
        assertThat(cluster.get("word").isTextual()).isTrue();
        assertThat(cluster.get("digits").asText()).isEqualTo("0123");
        assertThat(read.toTree()).isEqualTo(tree);
    }

    @Test
    void expandsAliasesOfMappingsInsteadOfWritingTheAnchorsName() {
        Kubeconfig users = Kubeconfig.parse(Resources.read("users-config.yaml"));

        ObjectNode tree = users.toTree();
        assertThat(tree.at("/users/1/user/exec")).isEqualTo(tree.at("/users/0/user/exec"));
        assertThat(tree.at("/users/1/user/exec/command").asText()).isEqualTo("sso-login");
    }

    @Test
    void refusesAnAliasOfASingleValueRatherThanLosingIt() {
        assertThatThrownBy(() -> Kubeconfig.parse("""
                clusters:
                - name: &n dev
                  cluster: {server: *n}
                """))
                .isInstanceOf(KubicleException.class)
                .hasMessageContaining("line 3: kubicle cannot expand the alias *n of a single value");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "# nothing yet\n", "---\n", "~\n"})
    void readsATextWithoutADocumentAsAnEmptyKubeconfig(String text) {
        assertThat(Kubeconfig.parse(text)).isEqualTo(Kubeconfig.empty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "- a                      | the top level is a list, not a mapping",
            "just words               | the top level is a string, not a mapping",
            "clusters: {dev: {}}      | clusters is a mapping, not a list",
            "users: alice             | users is a string, not a list",
            "a: b\\n  c: d: e         | line 2, column 4: mapping values are not allowed here",
            "clusters: [\\n           | line 2, column 1: expected the node content, but found '<stream end>'",
    })
    void explainsWhyATextIsNotAKubeconfig(String text, String reason) {
        assertThatThrownBy(() -> Kubeconfig.parse(text.replace("\\n", "\n")))
                .isInstanceOfSatisfying(KubicleException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT))
                .hasMessage("not a valid kubeconfig (" + reason + ")");
    }

    @Test
    void readsNamesCurrentContextAndServer() {
        Kubeconfig dev = Kubeconfig.parse(DEV);

        assertThat(dev.clusterNames()).containsExactly("kubicle-dev");
        assertThat(dev.userNames()).containsExactly("kubicle-dev");
        assertThat(dev.contextNames()).containsExactly("kubicle-dev");
        assertThat(dev.currentContext()).contains("kubicle-dev");
        assertThat(dev.server("kubicle-dev")).contains("https://127.0.0.1:41234");
        assertThat(dev.server("other")).isEmpty();
    }

    @Test
    void mergingIntoAnEmptyKubeconfigGivesTheMergedOne() {
        Kubeconfig dev = Kubeconfig.parse(DEV);

        assertThat(Kubeconfig.empty().withEntriesFrom(dev)).isEqualTo(dev);
    }

    @Test
    void mergingAppendsNewEntriesAndMakesTheirContextCurrent() {
        Kubeconfig users = Kubeconfig.parse(Resources.read("users-config.yaml"));

        Kubeconfig merged = users.withEntriesFrom(Kubeconfig.parse(DEV));

        assertThat(merged.clusterNames()).containsExactly("prod", "1.10", "kubicle-dev");
        assertThat(merged.userNames()).containsExactly("prod-sso", "old-sso", "kubicle-dev");
        assertThat(merged.contextNames()).containsExactly("prod", "old", "kubicle-dev");
        assertThat(merged.currentContext()).contains("kubicle-dev");
    }

    @Test
    void mergingReplacesEntriesOfTheSameNameWhereTheyAreAndDropsDuplicates() {
        Kubeconfig stale = Kubeconfig.parse("""
                clusters:
                - name: kubicle-dev
                  cluster: {server: "https://127.0.0.1:1111"}
                - name: prod
                  cluster: {server: "https://prod.example.com"}
                - name: kubicle-dev
                  cluster: {server: "https://127.0.0.1:2222"}
                current-context: prod
                """);

        Kubeconfig merged = stale.withEntriesFrom(Kubeconfig.parse(DEV));

        assertThat(merged.clusterNames()).containsExactly("kubicle-dev", "prod");
        assertThat(merged.server("kubicle-dev")).contains("https://127.0.0.1:41234");
    }

    @Test
    void mergingAddsApiVersionAndKindOnlyWhereMissing() {
        Kubeconfig headless = Kubeconfig.parse("clusters: []\nkind: Custom\n");

        ObjectNode merged = headless.withEntriesFrom(Kubeconfig.parse(DEV)).toTree();

        assertThat(merged.get("apiVersion").asText()).isEqualTo("v1");
        assertThat(merged.get("kind").asText()).isEqualTo("Custom");
    }

    @Test
    void removingDropsTheThreeEntriesAndTheCurrentContextThatNamedThem() {
        Kubeconfig both = Kubeconfig.parse(Resources.read("users-config.yaml")).withEntriesFrom(Kubeconfig.parse(DEV));

        Kubeconfig removed = both.withoutEntriesNamed("kubicle-dev");

        assertThat(removed.clusterNames()).containsExactly("prod", "1.10");
        assertThat(removed.userNames()).containsExactly("prod-sso", "old-sso");
        assertThat(removed.contextNames()).containsExactly("prod", "old");
        assertThat(removed.currentContext()).isEmpty();
        assertThat(removed.toTree().get("current-context").asText()).isEmpty();
    }

    @Test
    void removingKeepsACurrentContextThatNamesAnotherCluster() {
        Kubeconfig both = Kubeconfig.parse(DEV).withEntriesFrom(Kubeconfig.parse("current-context: prod\n"));

        assertThat(both.withoutEntriesNamed("kubicle-dev").currentContext()).contains("prod");
    }

    @Test
    void removingWhatIsNotThereChangesNothing() {
        Kubeconfig users = Kubeconfig.parse(Resources.read("users-config.yaml"));

        assertThat(users.withoutEntriesNamed("kubicle-dev")).isEqualTo(users);
    }
}
