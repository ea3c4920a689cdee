package dev.kubicle.config;

import static dev.kubicle.config.ConfigTesting.kind;
import static dev.kubicle.config.ConfigTesting.kubicle;
import static dev.kubicle.config.ConfigTesting.readError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

/** Anchors, aliases, merge keys, JSON and comments, read as Go's YAML decoder (and so kind) reads them. */
class YamlAsKindReadsItTest {

    static Stream<Arguments> sameConfigWrittenTwoWays() {
        return Stream.of(
                Arguments.of("an alias stands for an anchored mapping",
                        kind("nodes:\n- &cp {role: control-plane, labels: {tier: a}}\n- *cp\n"),
                        kind("nodes:\n- {role: control-plane, labels: {tier: a}}\n"
                                + "- {role: control-plane, labels: {tier: a}}\n")),
                Arguments.of("an alias stands for an anchored scalar",
                        kind("nodes:\n- image: &img kindest/node:v1.31.0\n- image: *img\n  role: worker\n"),
                        kind("nodes:\n- image: kindest/node:v1.31.0\n- image: kindest/node:v1.31.0\n"
                                + "  role: worker\n")),
                Arguments.of("an alias stands for an anchored list",
                        kind("nodes:\n- extraPortMappings: &ports\n  - containerPort: 80\n    hostPort: 0\n"
                                + "- role: worker\n  extraPortMappings: *ports\n"),
                        kind("nodes:\n- extraPortMappings: [{containerPort: 80, hostPort: 0}]\n"
                                + "- role: worker\n  extraPortMappings: [{containerPort: 80, hostPort: 0}]\n")),
                Arguments.of("an alias keeps the scalar's type",
                        kind("networking:\n  apiServerPort: &port 6443\n  disableDefaultCNI: &off false\n"
                                + "nodes:\n- extraPortMappings: [{containerPort: *port}]\n"),
                        kind("networking:\n  apiServerPort: 6443\n  disableDefaultCNI: false\n"
                                + "nodes:\n- extraPortMappings: [{containerPort: 6443}]\n")),
                Arguments.of("a merge key adds the fields a mapping does not give itself",
                        kind("nodes:\n- &base {role: worker, image: kindest/node:v1.31.0, labels: {tier: a}}\n"
                                + "- <<: *base\n  role: control-plane\n"),
                        kind("nodes:\n- {role: worker, image: kindest/node:v1.31.0, labels: {tier: a}}\n"
                                + "- {role: control-plane, image: kindest/node:v1.31.0, labels: {tier: a}}\n")),
                Arguments.of("an explicit field wins over a merged one written after it",
                        kind("nodes:\n- &base {role: worker}\n- role: control-plane\n  <<: *base\n"),
                        kind("nodes:\n- role: worker\n- role: control-plane\n")),
                Arguments.of("the first of several merged mappings wins",
                        kind("nodes:\n- &a {role: control-plane, image: a/node:v1}\n"
                                + "- &b {image: b/node:v1, labels: {tier: b}}\n- <<: [*a, *b]\n"),
                        kind("nodes:\n- {role: control-plane, image: a/node:v1}\n"
                                + "- {image: b/node:v1, labels: {tier: b}}\n"
                                + "- {role: control-plane, image: a/node:v1, labels: {tier: b}}\n")),
                Arguments.of("a merged mapping may merge another",
                        kind("nodes:\n- &a {role: control-plane}\n- &b {<<: *a, image: b/node:v1}\n- {<<: *b}\n"),
                        kind("nodes:\n- {role: control-plane}\n- {role: control-plane, image: b/node:v1}\n"
                                + "- {role: control-plane, image: b/node:v1}\n")),
                Arguments.of("a merge key may name a mapping written in place",
                        kind("networking:\n  <<: {ipFamily: ipv6, apiServerPort: 0}\n  apiServerPort: 6443\n"),
                        kind("networking:\n  ipFamily: ipv6\n  apiServerPort: 6443\n")),
                Arguments.of("an anchored key can be aliased as a value",
                        kind("nodes:\n- labels: {&k tier: a, copy: *k}\n"),
                        kind("nodes:\n- labels: {tier: a, copy: tier}\n")),
                Arguments.of("an anchor given again names the later value",
                        kind("name: &n first\nnodes:\n- {role: &n control-plane, image: kindest/node:v1}\n"
                                + "- {role: *n}\n"),
                        kind("name: first\nnodes:\n- {role: control-plane, image: kindest/node:v1}\n"
                                + "- {role: control-plane}\n")),
                Arguments.of("a config may be JSON",
                        "{\"kind\": \"Cluster\", \"apiVersion\": \"kind.x-k8s.io/v1alpha4\",\n"
                                + " \"nodes\": [{\"role\": \"control-plane\", \"labels\": {\"tier\": \"1.10\"}}]}\n",
                        kind("nodes:\n- role: control-plane\n  labels: {tier: \"1.10\"}\n")),
                Arguments.of("JSON may be indented with tabs, which YAML forbids",
                        "{\n\t\"kind\": \"Cluster\",\n\t\"apiVersion\": \"kind.x-k8s.io/v1alpha4\",\n"
                                + "\t\"networking\": {\n\t\t\"apiServerPort\": 6443\n\t}\n}\n",
                        kind("networking:\n  apiServerPort: 6443\n")),
                Arguments.of("tab-indented JSON may have comments",
                        "# made by a script\n{\n\t\"kind\": \"Cluster\", # the only kind\n"
                                + "\t\"apiVersion\": \"kind.x-k8s.io/v1alpha4\"\n}\n",
                        kind("")),
                Arguments.of("comments may stand anywhere",
                        "# leading\nkind: Cluster # after a value\n# between fields\n"
                                + "apiVersion: kind.x-k8s.io/v1alpha4\nnodes: # after a key\n"
                                + "  # inside a list\n- role: control-plane\n  labels: {tier: a, # in a flow mapping\n"
                                + "    zone: b}\n# trailing, without a newline",
                        kind("nodes:\n- role: control-plane\n  labels: {tier: a, zone: b}\n")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sameConfigWrittenTwoWays")
    void readsTheSameConfigAsItsWrittenOutForm(String behaviour, String written, String writtenOut) {
        assertThat(ConfigLoader.parse(written, "cluster.yaml"))
                .isEqualTo(ConfigLoader.parse(writtenOut, "cluster.yaml"));
    }

    /** Nine levels of ten aliases each: a few hundred bytes that would expand to a billion values. */
    private static String billionLaughs() {
        StringBuilder yaml = new StringBuilder(kind("nodes:\n- labels:\n    l0: &l0 lol\n"));
        for (int level = 1; level <= 9; level++) {
            String previous = "*l" + (level - 1);
            yaml.append("    l").append(level).append(": &l").append(level).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(10, previous))).append("]\n");
        }
        return yaml.toString();
    }

    static Stream<Arguments> aliasProblems() {
        return Stream.of(
                Arguments.of("reports an alias without an anchor, with its line",
                        kind("nodes:\n- role: *cp\n"),
                        "cluster.yaml: is not valid YAML at line 4: the alias *cp names no anchor before it;"
                                + " put &cp before the value it stands for, above this line"),
                Arguments.of("reports an alias used before its anchor",
                        kind("nodes:\n- *cp\n- &cp {role: control-plane}\n"),
                        "cluster.yaml: is not valid YAML at line 4: the alias *cp names no anchor before it;"
                                + " put &cp before the value it stands for, above this line"),
                Arguments.of("reports a value that contains its own alias",
                        kind("nodes:\n- &cp\n  role: control-plane\n  extraMounts: *cp\n"),
                        "cluster.yaml: is not valid YAML at line 6: the alias *cp is inside the value anchored &cp;"
                                + " a value cannot contain itself; write the inner part out in full"),
                Arguments.of("reports a merge of a single value",
                        kind("nodes:\n- role: &r worker\n- <<: *r\n"),
                        "cluster.yaml: is not valid YAML at line 5: the merge key << is given the string"
                                + " \"worker\"; merge mappings: <<: *anchor or <<: [*first, *second]"),
                Arguments.of("reports a merge of a list that holds a single value",
                        kind("nodes:\n- &a {role: worker}\n- <<: [*a, worker]\n"),
                        "cluster.yaml: is not valid YAML at line 5: the merge key << is given the string"
                                + " \"worker\"; merge mappings: <<: *anchor or <<: [*first, *second]"),
                Arguments.of("still reports a field written twice beside a merge key",
                        kind("nodes:\n- &a {role: worker}\n- <<: *a\n  image: a/node:v1\n  image: b/node:v1\n"),
                        "cluster.yaml: is not valid YAML at line 7: Duplicate field 'image'"),
                Arguments.of("reports a merge key written twice",
                        kind("nodes:\n- &a {role: worker}\n- <<: *a\n  <<: *a\n"),
                        "cluster.yaml: is not valid YAML at line 6: Duplicate field '<<'"),
                Arguments.of("stops an alias bomb with one line",
                        billionLaughs(),
                        "cluster.yaml: is not valid YAML at line 10: its aliases expand it to more than 100000"
                                + " values; alias smaller values, or fewer times; kubicle stops there to guard"
                                + " against alias bombs"),
                Arguments.of("reports broken JSON with YAML's line",
                        "{\n  \"kind\": \"Cluster\"\n  \"apiVersion\": \"kind.x-k8s.io/v1alpha4\"\n}\n",
                        "cluster.yaml: is not valid YAML at line 3:"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("aliasProblems")
    void reportsAliasProblemsInOneLine(String behaviour, String yaml, String expectedStart) {
        assertThat(readError(yaml)).startsWith(expectedStart);
    }

    static Stream<Arguments> strictChecksThroughAliases() {
        return Stream.of(
                Arguments.of("reports an unknown field that a merge brings in",
                        kind("nodes:\n- <<: {rol: worker}\n  image: a/node:v1\n"),
                        "cluster.yaml: nodes[0].rol: is not a known field; did you mean role?"),
                Arguments.of("reports an aliased value of the wrong type where it is used",
                        kind("name: &n kubicle\nnetworking:\n  apiServerPort: *n\n"),
                        "cluster.yaml: networking.apiServerPort: expected a whole number but found the string"
                                + " \"kubicle\"; use a whole number"),
                Arguments.of("reports every place an aliased bad value is used",
                        kind("nodes:\n- {role: control-plane, labels: &l {\"bad key\": a}}\n- {labels: *l}\n"),
                        "cluster.yaml: nodes[1].labels[\"bad key\"]: \"bad key\" is not a valid label name;"
                                + " use letters, digits, '-', '_' and '.', starting and ending with a letter or"
                                + " digit"),
                Arguments.of("rejects a kubicle field merged into a kind file",
                        kind("nodes:\n- <<: {ip: 172.30.0.10}\n"),
                        "cluster.yaml: nodes[0].ip: is a kubicle field that kind.x-k8s.io/v1alpha4 does not have;"
                                + " switch apiVersion to kubicle.dev/v1alpha1 to use it"),
                Arguments.of("still refuses an alias inside a kubeadm patch, which would be misapplied",
                        kubicle("kubeadmConfigPatches:\n- |\n  kind: InitConfiguration\n  a: &x 1\n  b: *x\n"),
                        "cluster.yaml: kubeadmConfigPatches[0]: is not valid YAML at line 3 of the patch: the alias"
                                + " *x is not supported, write the value out in full; fix the patch's YAML there"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strictChecksThroughAliases")
    void keepsTheStrictChecksThroughAliases(String behaviour, String yaml, String expectedLine) {
        assertThat(ConfigTesting.problems(yaml)).contains(expectedLine);
    }
}
