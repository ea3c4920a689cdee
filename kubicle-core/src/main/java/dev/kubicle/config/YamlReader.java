package dev.kubicle.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.kubicle.config.YamlTreeBuilder.Aliases;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads YAML text into {@link YamlValue}s with Jackson's streaming parser, as kind reads its config: anchors, aliases
 * and merge keys are resolved (see {@link YamlTreeBuilder}), comments are skipped, and JSON is read as the YAML it is.
 * A tree of our own (rather than Jackson's {@code JsonNode}) keeps each scalar's text as written and lets aliases be
 * resolved, which Jackson's tree would silently turn into the alias's name.
 */
final class YamlReader {
    private static final YAMLFactory YAML = new AnchorAwareYamlFactory(YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // "key:" with nothing after it is YAML's null; the builder would otherwise read it as "".
            .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL));
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(JsonReadFeature.ALLOW_YAML_COMMENTS)
            .build();
    private static final String NOT_A_KEY = "Expected a field name";
    private static final Pattern SNAKEYAML_POSITION = Pattern.compile("line ([0-9]+), column [0-9]+:");

    private YamlReader() {
    }

    /** Every document of a YAML stream; none for empty text. */
    static List<YamlValue> readAll(String text) throws SyntaxError {
        try {
            return readAll(YAML, text, Aliases.RESOLVE);
        } catch (SyntaxError notYaml) {
            // JSON indented with tabs is not YAML, since YAML allows no tab before a token, but Go's YAML decoder
            // reads it, and so does kind.
            try {
                return readAll(JSON, text, Aliases.RESOLVE);
            } catch (SyntaxError notJson) {
                throw notYaml;
            }
        }
    }

    /**
     * The documents of a kubeadm patch. The patch engines read it with Jackson's own trees (see
     * {@code YamlTrees}), which take an alias for its name and a merge key for a field, so both are refused here
     * rather than misapplied later.
     */
    static List<YamlValue> readPatch(String text) throws SyntaxError {
        return readAll(YAML, text, Aliases.REFUSE);
    }

    private static List<YamlValue> readAll(JsonFactory factory, String text, Aliases aliases) throws SyntaxError {
        List<YamlValue> documents = new ArrayList<>();
        try (JsonParser parser = factory.createParser(text)) {
            YamlTreeBuilder builder = new YamlTreeBuilder(parser, aliases);
            while (parser.nextToken() != null) {
                documents.add(builder.readDocument());
            }
        } catch (JsonProcessingException e) {
            throw new SyntaxError(line(e), reason(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new SyntaxError(0, e.getMessage());
        }
        return documents;
    }

    /**
     * SnakeYAML names the context's position first and the problem's last, while Jackson's location is that of the
     * last token read, which can be a line early; so prefer the last position in the message.
     */
    private static int line(JsonProcessingException e) {
        Matcher position = SNAKEYAML_POSITION.matcher(e.getOriginalMessage());
        int line = 0;
        while (position.find()) {
            line = Integer.parseInt(position.group(1));
        }
        JsonLocation location = e.getLocation();
        return line > 0 || location == null ? line : location.getLineNr();
    }

    /**
     * SnakeYAML's messages put their sentences at the start of a line and indent the quoted source lines, their
     * carets and the "in 'reader'" positions; keep the sentences. Jackson's message for a key that is a list, a
     * mapping or an alias names SnakeYAML's event classes instead, so it is told in words.
     */
    private static String reason(String message) {
        if (message.startsWith(NOT_A_KEY)) {
            return "a key must be a single value written out, not a list, a mapping or an alias";
        }
        return message.lines()
                .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .collect(Collectors.joining(", "));
    }

    /** YAML that cannot be read; {@code line} is 1-based, or 0 when unknown. */
    static final class SyntaxError extends Exception {
        private final int line;
        private final String fix;

        SyntaxError(int line, String reason) {
            this(line, reason, null);
        }

        /** @param fix what to do, when the reader knows better than "fix the syntax" */
        SyntaxError(int line, String reason, String fix) {
            super(reason);
            this.line = line;
            this.fix = fix;
        }

        /** What to do about it: the reader's own advice, or {@code usual}. */
        String fixOr(String usual) {
            return fix == null ? usual : fix;
        }

        /** Where and why, to follow a sentence: {@code " at line 3: mapping values are not allowed here"}. */
        String describe() {
            return describe("");
        }

        /** @param within what the line is counted in, e.g. {@code " of the patch"} */
        String describe(String within) {
            return (line > 0 ? " at line " + line + within : "") + ": " + getMessage();
        }
    }
}
