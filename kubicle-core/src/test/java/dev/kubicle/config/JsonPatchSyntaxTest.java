package dev.kubicle.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonPatchSyntaxTest {

    @ParameterizedTest(name = "accepts {0}")
    @ValueSource(strings = {
        "[]",
        "[{\"op\": \"add\", \"path\": \"/a\", \"value\": null}]",
        "- {op: remove, path: /a/0}\n- {op: replace, path: /b, value: {c: d}}\n",
        "[{op: move, from: /a, path: /b}, {op: copy, from: /a, path: /c}, {op: test, path: /d, value: 1}]"})
    void acceptsWellFormedPatches(String patch) {
        assertThat(JsonPatchSyntax.problems(patch)).isEmpty();
    }

    @ParameterizedTest(name = "rejects {0}")
    @CsvSource(delimiter = '|', value = {
        "{op: add, path: /a, value: 1}         | is not a list of operations",
        "[a]                                   | operation 1 is not a mapping with op and path",
        "[{path: /a}]                          | operation 1 has no op",
        "[{op: ADD, path: /a, value: 1}]       | operation 1 has op \"ADD\", which is not one of add, remove,"
                + " replace, move, copy, test",
        "[{op: remove}]                        | operation 1 has no path",
        "[{op: copy, from: a, path: /b}]       | operation 1 has from \"a\", which does not start with /",
        "[{op: test, path: /a}]                | operation 1 (test) has no value"})
    void rejectsMalformedPatches(String patch, String problem) {
        assertThat(JsonPatchSyntax.problems(patch)).containsExactly(problem);
    }
}
