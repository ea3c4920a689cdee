package dev.kubicle.kubeadm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubicle.json.PatchFailure;
import dev.kubicle.json.YamlTrees;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

class MergePatchTest {
    private static final String V1BETA4 = "{apiVersion: kubeadm.k8s.io/v1beta4, kind: ClusterConfiguration, ";
    private static final String V1BETA3 = "{apiVersion: kubeadm.k8s.io/v1beta3, kind: ClusterConfiguration, ";

    static Stream<Arguments> merges() {
        return Stream.of(
                Arguments.of("merges mappings recursively",
                        V1BETA4 + "a: {b: 1, c: 2}}", "{a: {c: 3, d: 4}}", V1BETA4 + "a: {b: 1, c: 3, d: 4}}"),
                Arguments.of("replaces lists whole",
                        V1BETA4 + "l: [1, 2, 3]}", "{l: [4]}", V1BETA4 + "l: [4]}"),
                Arguments.of("replaces a scalar with a mapping",
                        V1BETA4 + "a: 1}", "{a: {b: 2}}", V1BETA4 + "a: {b: 2}}"),
                Arguments.of("deletes a field set to null",
                        V1BETA4 + "a: {b: 1, c: 2}}", "{a: {b: null}}", V1BETA4 + "a: {c: 2}}"),
                Arguments.of("deletes a field left empty, which YAML reads as null",
                        V1BETA4 + "a: {b: 1, c: 2}}", "a:\n  b:\n", V1BETA4 + "a: {c: 2}}"),
                Arguments.of("keeps an explicitly empty string",
                        V1BETA4 + "a: {b: 1}}", "{a: {b: ''}}", V1BETA4 + "a: {b: ''}}"),
                Arguments.of("drops nulls inside a new mapping",
                        V1BETA4 + "x: 1}", "{a: {b: null, c: 1}}", V1BETA4 + "x: 1, a: {c: 1}}"),
                Arguments.of("does not copy the patch's apiVersion and kind",
                        V1BETA4 + "x: 1}", "{apiVersion: kubeadm.k8s.io/v1beta3, kind: ClusterConfiguration, x: 2}",
                        V1BETA4 + "x: 2}"),
                Arguments.of("adds certSANs to the ones there",
                        V1BETA4 + "apiServer: {certSANs: [localhost, a]}}", "{apiServer: {certSANs: [a, b]}}",
                        V1BETA4 + "apiServer: {certSANs: [localhost, a, b]}}"),
                Arguments.of("merges v1beta4 arguments by name, new ones last",
                        V1BETA4 + "apiServer: {extraArgs: [{name: a, value: '1'}, {name: b, value: '2'}]}}",
                        "{apiServer: {extraArgs: [{name: c, value: '3'}, {name: a, value: '9'}]}}",
                        V1BETA4 + "apiServer: {extraArgs: [{name: a, value: '9'}, {name: b, value: '2'},"
                                + " {name: c, value: '3'}]}}"),
                Arguments.of("takes v1beta3's map of arguments into a v1beta4 list",
                        V1BETA4 + "apiServer: {extraArgs: [{name: a, value: '1'}]}}",
                        "{apiServer: {extraArgs: {b: 2, a: '0'}}}",
                        V1BETA4 + "apiServer: {extraArgs: [{name: a, value: '0'}, {name: b, value: '2'}]}}"),
                Arguments.of("writes v1beta3 arguments as a map whatever the patch's spelling",
                        V1BETA3 + "nodeRegistration: {kubeletExtraArgs: {node-ip: 10.0.0.2}}}",
                        "{nodeRegistration: {kubeletExtraArgs: [{name: v, value: 4}]}}",
                        V1BETA3 + "nodeRegistration: {kubeletExtraArgs: {node-ip: 10.0.0.2, v: '4'}}}"),
                Arguments.of("removes an argument given a null value",
                        V1BETA4 + "apiServer: {extraArgs: [{name: a, value: '1'}, {name: b, value: '2'}]}}",
                        "{apiServer: {extraArgs: {a: null}}}",
                        V1BETA4 + "apiServer: {extraArgs: [{name: b, value: '2'}]}}"),
                Arguments.of("replaces repeated arguments with the patch's, where the first was",
                        V1BETA4 + "apiServer: {extraArgs: [{name: k, value: '1'}, {name: b, value: '2'},"
                                + " {name: k, value: '3'}]}}",
                        "{apiServer: {extraArgs: [{name: k, value: x}, {name: k, value: y}]}}",
                        V1BETA4 + "apiServer: {extraArgs: [{name: k, value: x}, {name: k, value: y},"
                                + " {name: b, value: '2'}]}}"),
                Arguments.of("creates arguments where there were none",
                        V1BETA4 + "x: 1}", "{scheduler: {extraArgs: {v: 2}}}",
                        V1BETA4 + "x: 1, scheduler: {extraArgs: [{name: v, value: '2'}]}}"),
                Arguments.of("leaves extraArgs of other groups to the plain merge",
                        "{apiVersion: example.com/v1, kind: Thing, extraArgs: [1]}", "{extraArgs: {a: 1}}",
                        "{apiVersion: example.com/v1, kind: Thing, extraArgs: {a: 1}}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("merges")
    void mergesLikeKind(String name, String document, String patch, String expected) {
        ObjectNode target = (ObjectNode) yaml(document);

        MergePatch.apply(target, (ObjectNode) yaml(patch));

        assertThat(target).isEqualTo(yaml(expected));
    }

    static Stream<Arguments> badArguments() {
        return Stream.of(
                Arguments.of("{apiServer: {extraArgs: [{value: x}]}}", "apiServer.extraArgs[0] has no name"),
                Arguments.of("{apiServer: {extraArgs: [v=4]}}", "apiServer.extraArgs[0] has no name"),
                Arguments.of("{apiServer: {extraArgs: v=4}}",
                        "apiServer.extraArgs is the string \"v=4\", not arguments"),
                Arguments.of("{apiServer: {extraArgs: {v: [4]}}}", "apiServer.extraArgs.v is a list, not a string"));
    }

    @ParameterizedTest(name = "rejects {0}")
    @MethodSource("badArguments")
    void rejectsArgumentsItCannotRead(String patch, String problem) {
        ObjectNode target = (ObjectNode) yaml(V1BETA4 + "apiServer: {}}");

        assertThatThrownBy(() -> MergePatch.apply(target, (ObjectNode) yaml(patch)))
                .isInstanceOf(PatchFailure.class)
                .hasMessage(problem);
    }

    private static JsonNode yaml(String text) {
        return YamlTrees.readAll(text).get(0);
    }
}
