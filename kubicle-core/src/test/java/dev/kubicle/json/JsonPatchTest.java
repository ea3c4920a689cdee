package dev.kubicle.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

class JsonPatchTest {
    private static final String DOCUMENT = "{a: {b: 1, list: [x, y, z]}, 'c/d': 2, 'e~f': 3, n: 1.0}";

    static Stream<Arguments> patches() {
        return Stream.of(
                Arguments.of("add sets a new field", "[{op: add, path: /a/c, value: new}]",
                        "{a: {b: 1, list: [x, y, z], c: new}, 'c/d': 2, 'e~f': 3, n: 1.0}"),
                Arguments.of("add replaces an existing field", "[{op: add, path: /a/b, value: 9}]",
                        "{a: {b: 9, list: [x, y, z]}, 'c/d': 2, 'e~f': 3, n: 1.0}"),
                Arguments.of("add with - appends to a list", "[{op: add, path: /a/list/-, value: w}]",
                        "{a: {b: 1, list: [x, y, z, w]}, 'c/d': 2, 'e~f': 3, n: 1.0}"),
                Arguments.of("add at an index inserts before that item", "[{op: add, path: /a/list/1, value: w}]",
                        "{a: {b: 1, list: [x, w, y, z]}, 'c/d': 2, 'e~f': 3, n: 1.0}"),
                Arguments.of("add at the list's size appends", "[{op: add, path: /a/list/3, value: w}]",
                        "{a: {b: 1, list: [x, y, z, w]}, 'c/d': 2, 'e~f': 3, n: 1.0}"),
                Arguments.of("remove deletes a list item by index", "[{op: remove, path: /a/list/1}]",
                        "{a: {b: 1, list: [x, z]}, 'c/d': 2, 'e~f': 3, n: 1.0}"),
                Arguments.of("replace changes a list item by index", "[{op: replace, path: /a/list/2, value: w}]",
                        "{a: {b: 1, list: [x, y, w]}, 'c/d': 2, 'e~f': 3, n: 1.0}"),
                Arguments.of("~1 in a pointer is a slash", "[{op: replace, path: /c~1d, value: 5}]",
                        "{a: {b: 1, list: [x, y, z]}, 'c/d': 5, 'e~f': 3, n: 1.0}"),
                Arguments.of("~0 in a pointer is a tilde", "[{op: remove, path: /e~0f}]",
                        "{a: {b: 1, list: [x, y, z]}, 'c/d': 2, n: 1.0}"),
                Arguments.of("~01 is the text ~1, not a slash", "[{op: add, path: /~01, value: t}]",
                        "{a: {b: 1, list: [x, y, z]}, 'c/d': 2, 'e~f': 3, n: 1.0, '~1': t}"),
                Arguments.of("move takes the value away from where it was",
                        "[{op: move, from: /a/list/0, path: /a/list/-}]",
                        "{a: {b: 1, list: [y, z, x]}, 'c/d': 2, 'e~f': 3, n: 1.0}"),
                Arguments.of("move to the same place changes nothing", "[{op: move, from: /a/b, path: /a/b}]",
                        DOCUMENT),
                Arguments.of("copy duplicates a subtree", "[{op: copy, from: /a, path: /g}]",
                        "{a: {b: 1, list: [x, y, z]}, 'c/d': 2, 'e~f': 3, n: 1.0, g: {b: 1, list: [x, y, z]}}"),
                Arguments.of("test compares numbers by value", "[{op: test, path: /n, value: 1}]", DOCUMENT),
                Arguments.of("test compares structures", "[{op: test, path: /a/list, value: [x, y, z]}]", DOCUMENT),
                Arguments.of("replace of the empty pointer replaces the document",
                        "[{op: replace, path: '', value: {z: 1}}]", "{z: 1}"),
                Arguments.of("operations apply in order", "[{op: add, path: /h, value: []},"
                        + " {op: add, path: /h/-, value: 1}, {op: add, path: /h/0, value: 0}]",
                        "{a: {b: 1, list: [x, y, z]}, 'c/d': 2, 'e~f': 3, n: 1.0, h: [0, 1]}"),
                Arguments.of("JSON text works as well as YAML",
                        "[{\"op\": \"remove\", \"path\": \"/a\"}]", "{'c/d': 2, 'e~f': 3, n: 1.0}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("patches")
    void appliesOperations(String name, String patch, String expected) {
        assertThat(patch(patch).applyTo(yaml(DOCUMENT))).isEqualTo(yaml(expected));
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("remove of a missing field", "[{op: remove, path: /a/nope}]",
                        "operation 1 (remove /a/nope): /a has no field \"nope\""),
                Arguments.of("add under a missing parent", "[{op: add, path: /q/r, value: 1}]",
                        "operation 1 (add /q/r): the document has no field \"q\""),
                Arguments.of("replace of a missing field", "[{op: replace, path: /zz, value: 1}]",
                        "operation 1 (replace /zz): the document has no field \"zz\""),
                Arguments.of("an index past the end", "[{op: remove, path: /a/list/3}]",
                        "operation 1 (remove /a/list/3): /a/list has 3 items, so there is no item 3;"
                                + " give the index of an existing item"),
                Arguments.of("add beyond the end", "[{op: add, path: /a/list/4, value: w}]",
                        "operation 1 (add /a/list/4): /a/list has 3 items, so there is no item 4;"
                                + " add at an index up to 3, or at - for the end of the list"),
                Arguments.of("an index with a leading zero", "[{op: replace, path: /a/list/01, value: w}]",
                        "operation 1 (replace /a/list/01): /a/list is a list, and \"01\" is not an index of it"),
                Arguments.of("a name used as an index", "[{op: remove, path: /a/list/x}]",
                        "/a/list is a list, and \"x\" is not an index of it"),
                Arguments.of("- for anything but add", "[{op: replace, path: /a/list/-, value: w}]",
                        "\"-\" in /a/list/- is the end of the list, where only add can put a value"),
                Arguments.of("a step into a scalar", "[{op: add, path: /a/b/c, value: 1}]",
                        "operation 1 (add /a/b/c): /a/b is the number 1, so nothing can be added inside it"),
                Arguments.of("a failing test", "[{op: test, path: /a/b, value: 2}]",
                        "operation 1 (test /a/b): the value at /a/b is 1, not 2"),
                Arguments.of("a move into its own child", "[{op: move, from: /a, path: /a/c}]",
                        "operation 1 (move /a to /a/c): /a/c is inside /a, and a value cannot be moved into itself"),
                Arguments.of("a copy from a missing place", "[{op: copy, from: /nope, path: /x}]",
                        "operation 1 (copy /nope to /x): the document has no field \"nope\""),
                Arguments.of("removal of the whole document", "[{op: remove, path: ''}]",
                        "operation 1 (remove the document): the whole document cannot be removed"),
                Arguments.of("the failing operation is the one named",
                        "[{op: add, path: /ok, value: 1}, {op: remove, path: /ok}, {op: remove, path: /ok}]",
                        "operation 3 (remove /ok): the document has no field \"ok\""));
    }

    @ParameterizedTest(name = "reports {0}")
    @MethodSource("failures")
    void reportsWhichOperationFailedAndWhy(String name, String patch, String message) {
        JsonPatch parsed = patch(patch);
        assertThatThrownBy(() -> parsed.applyTo(yaml(DOCUMENT)))
                .isInstanceOfSatisfying(PatchFailure.class,
                        failure -> assertThat(failure.problem() + "; " + failure.fix()).contains(message));
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("not YAML", "[{op: add", "is not valid YAML (line"),
                Arguments.of("not a list", "op: add", "is not a list of operations"),
                Arguments.of("an item that is not a mapping", "[add]",
                        "operation 1 is the string \"add\", not a mapping with op and path"),
                Arguments.of("an unknown op", "[{op: delete, path: /a}]",
                        "operation 1 has op \"delete\", which is not one of add, remove, replace, move, copy, test"),
                Arguments.of("an add without a value", "[{op: add, path: /a}]", "operation 1 (add) has no value"),
                Arguments.of("a move without from", "[{op: move, path: /a}]", "operation 1 (move): has no from"),
                Arguments.of("a path without a leading slash", "[{op: remove, path: a/b}]",
                        "operation 1 (remove): the pointer \"a/b\" does not start with /"),
                Arguments.of("a ~ that is no escape", "[{op: remove, path: /a~2}]",
                        "the pointer \"/a~2\" has a ~ that is not ~0 or ~1"),
                Arguments.of("a ~ at the end", "[{op: remove, path: /a~}]",
                        "the pointer \"/a~\" has a ~ that is not ~0 or ~1"));
    }

    @ParameterizedTest(name = "rejects {0}")
    @MethodSource("malformed")
    void rejectsMalformedPatches(String name, String patch, String message) {
        assertThatThrownBy(() -> patch(patch))
                .isInstanceOf(PatchFailure.class)
                .hasMessageContaining(message);
    }

    @Test
    void leavesTheDocumentAsItWasWhenAnOperationFails() {
        JsonNode document = yaml(DOCUMENT);
        JsonPatch patch = patch("[{op: remove, path: /a/b}, {op: remove, path: /nope}]");

        assertThatThrownBy(() -> patch.applyTo(document)).isInstanceOf(PatchFailure.class);
        assertThat(document).isEqualTo(yaml(DOCUMENT));
    }

    @Test
    void copiesAreIndependentOfTheirSource() {
        JsonNode patched = patch("[{op: copy, from: /a/list, path: /copy}, {op: add, path: /copy/-,"
                + " value: w}]").applyTo(yaml(DOCUMENT));

        assertThat(patched.at("/a/list")).isEqualTo(yaml("[x, y, z]"));
        assertThat(patched.at("/copy")).isEqualTo(yaml("[x, y, z, w]"));
    }

    @Test
    void aValueAddedTwiceIsNotShared() {
        JsonNode patched = patch("[{op: add, path: /p, value: {k: 1}}, {op: add, path: /p/k, value: 2}]")
                .applyTo(yaml("{}"));
        JsonNode again = patch("[{op: add, path: /p, value: {k: 1}}]").applyTo(yaml("{}"));

        assertThat(patched).isEqualTo(yaml("{p: {k: 2}}"));
        assertThat(again).isEqualTo(yaml("{p: {k: 1}}"));
    }

    private static JsonPatch patch(String text) {
        return JsonPatch.parse(text, "the document");
    }

    private static JsonNode yaml(String text) {
        return YamlTrees.readAll(text).get(0);
    }
}
