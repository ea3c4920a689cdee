package dev.kubicle.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.kubicle.config.YamlValue.Mapping;
import dev.kubicle.config.YamlValue.Scalar;
import dev.kubicle.config.YamlValue.ScalarKind;
import dev.kubicle.config.YamlValue.Sequence;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads YAML text into {@link YamlValue}s with Jackson's streaming parser. A tree of our own (rather than Jackson's
 * {@code JsonNode}) keeps each scalar's text as written and lets us refuse aliases, which Jackson's tree would
 * silently turn into the alias's name.
 */
final class YamlReader {
    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // "key:" with nothing after it is YAML's null; the builder would otherwise read it as "".
            .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
            .build();
    private static final Pattern SNAKEYAML_POSITION = Pattern.compile("line ([0-9]+), column [0-9]+:");

    private YamlReader() {
    }

    /** Every document of a YAML stream; none for empty text. */
    static List<YamlValue> readAll(String text) throws SyntaxError {
        List<YamlValue> documents = new ArrayList<>();
        try (JsonParser parser = FACTORY.createParser(text)) {
            while (parser.nextToken() != null) {
                documents.add(read(parser));
            }
        } catch (JsonProcessingException e) {
            throw new SyntaxError(line(e), reason(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new SyntaxError(0, e.getMessage());
        }
        return documents;
    }

    private static YamlValue read(JsonParser parser) throws IOException, SyntaxError {
        return switch (parser.currentToken()) {
            case START_OBJECT -> readMapping(parser);
            case START_ARRAY -> readSequence(parser);
            case VALUE_STRING -> {
                if (((YAMLParser) parser).isCurrentAlias()) {
                    throw new SyntaxError(parser.currentTokenLocation().getLineNr(),
                            "the alias *" + parser.getText() + " is not supported, write the value out in full");
                }
                yield scalar(ScalarKind.STRING, parser.getText());
            }
            case VALUE_NUMBER_INT -> new Scalar(ScalarKind.INTEGER, parser.getText(), parser.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> scalar(ScalarKind.FLOAT, parser.getText());
            case VALUE_TRUE -> scalar(ScalarKind.TRUE, parser.getText());
            case VALUE_FALSE -> scalar(ScalarKind.FALSE, parser.getText());
            case VALUE_NULL -> scalar(ScalarKind.NULL, "");
            default -> throw new SyntaxError(parser.currentTokenLocation().getLineNr(),
                    "the value " + parser.getText() + " is not supported here");
        };
    }

    private static Mapping readMapping(JsonParser parser) throws IOException, SyntaxError {
        Map<String, YamlValue> entries = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            parser.nextToken();
            entries.put(key, read(parser));
        }
        return new Mapping(Collections.unmodifiableMap(entries));
    }

    private static Sequence readSequence(JsonParser parser) throws IOException, SyntaxError {
        List<YamlValue> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(read(parser));
        }
        return new Sequence(List.copyOf(items));
    }

    private static Scalar scalar(ScalarKind kind, String text) {
        return new Scalar(kind, text, null);
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
     * carets and the "in 'reader'" positions; keep the sentences.
     */
    private static String reason(String message) {
        return message.lines()
                .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .collect(Collectors.joining(", "));
    }

    /** YAML that cannot be read; {@code line} is 1-based, or 0 when unknown. */
    static final class SyntaxError extends Exception {
        private final int line;

        SyntaxError(int line, String reason) {
            super(reason);
            this.line = line;
        }

        /** Where and why, e.g. {@code at line 3: mapping values are not allowed here}. */
        String describe() {
            return describe("");
        }

        /** @param within what the line is counted in, e.g. {@code " of the patch"} */
        String describe(String within) {
            return (line > 0 ? "at line " + line + within + ": " : "") + getMessage();
        }
    }
}
