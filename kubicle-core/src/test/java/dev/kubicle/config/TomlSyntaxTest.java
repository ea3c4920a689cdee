package dev.kubicle.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.Stream;

class TomlSyntaxTest {

    @ParameterizedTest(name = "accepts {0}")
    @ValueSource(strings = {
        "",
        "# only a comment\n",
        "version = 2\n",
        "[plugins.\"io.containerd.grpc.v1.cri\".registry.mirrors.\"localhost:5000\"]\n"
                + "  endpoint = [\"http://kind-registry:5000\"]",
        "[plugins.'io.containerd.grpc.v1.cri'.containerd]\nsnapshotter = \"overlayfs\" # why\n",
        "[[plugins.list]]\nname = 'a'\n",
        "a.b . c = true\nd = -1_000\ne = 0x1F\nf = 6.5e-3\ng = inf\nh = 1979-05-27 07:32:00Z\n",
        "a = [\n  1,\n  # comment\n  2,\n]\nb = []\n",
        "t = {x = 1, y = \"2\", z = {w = [1]}}\n",
        "m = \"\"\"\nmany\n\"lines\" \\\"\"\"\n\"\"\"\nl = '''raw\n'''\n",
        "s = \"escaped \\\" quote\"\r\n"})
    void acceptsToml(String toml) {
        assertThat(TomlSyntax.problem(toml)).isEmpty();
    }

    static Stream<Arguments> invalidToml() {
        return Stream.of(
                Arguments.of("plugins:\n  cri: {}\n",
                        "at line 1: expected '=' after the key (TOML uses '=' where YAML uses ':')"),
                Arguments.of("[plugins\nx = 1\n", "at line 1: expected ']' after the table name"),
                Arguments.of("[[a]\n", "at line 1: expected ']]' after the table name"),
                Arguments.of("a = 1\nb = \"open\n", "at line 2: a string is missing its closing '\"'"),
                Arguments.of("a = 'open\n", "at line 1: a string is missing its closing \"'\""),
                Arguments.of("a = \"\"\"never closed\n",
                        "at line 2: a multi-line string is missing its closing \"\"\""),
                Arguments.of("a = yes\n", "at line 1: \"yes\" is not a TOML value (text needs quotes)"),
                Arguments.of("a = \n", "at line 1: expected a value"),
                Arguments.of("a = [1 2]\n", "at line 1: expected ',' or ']' in the array"),
                Arguments.of("a = {x = 1\n", "at line 1: expected ',' or '}' in the inline table"),
                Arguments.of("a = 1 b = 2\n", "at line 1: expected the end of the line but found 'b'"),
                Arguments.of("= 1\n", "at line 1: expected a key"));
    }

    @ParameterizedTest(name = "rejects {0}")
    @MethodSource("invalidToml")
    void rejectsTextThatIsNotToml(String toml, String problem) {
        assertThat(TomlSyntax.problem(toml)).contains(problem);
    }
}
