package dev.kubicle.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.kubicle.config.YamlReader.SyntaxError;
import dev.kubicle.config.YamlValue.Mapping;
import dev.kubicle.config.YamlValue.Scalar;
import dev.kubicle.config.YamlValue.ScalarKind;
import dev.kubicle.config.YamlValue.Sequence;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds {@link YamlValue} trees from a parser's tokens, reading anchors as Go's YAML decoder (and so kind) does: an
 * alias ({@code *base}) stands for the value its anchor ({@code &base}) was given, and a merge key ({@code <<: *base}
 * or {@code <<: [*a, *b]}) adds the entries of those mappings that the mapping does not give itself, the first mapping
 * named winning over later ones. An aliased value is shared rather than copied, but it is counted every time it is
 * used, so that a few lines of aliases of aliases (a "billion laughs") cannot make the decoder walk billions of values.
 */
final class YamlTreeBuilder {
    /** Far more values than any cluster config holds, few enough to decode and validate in well under a second. */
    static final int MAX_VALUES = 100_000;
    private static final String MERGE_KEY = "<<";

    private final JsonParser parser;
    private final Aliases aliases;
    private final Map<String, Anchored> anchors = new HashMap<>();
    /** Anchors whose value is still being read: an alias of one of them would have the value contain itself. */
    private final Set<String> unfinished = new HashSet<>();
    private int values;

    /** Whether aliases and merge keys are read, or refused for a reader that would misread them. */
    enum Aliases { RESOLVE, REFUSE }

    /** @param size how many values the anchored value counts for, its aliases expanded */
    private record Anchored(YamlValue value, int size) {
    }

    /** The budget of {@link #MAX_VALUES} is shared by all documents of the stream, anchors are not. */
    YamlTreeBuilder(JsonParser parser, Aliases aliases) {
        this.parser = parser;
        this.aliases = aliases;
    }

    /** The document whose first token is the parser's current one. */
    YamlValue readDocument() throws IOException, SyntaxError {
        anchors.clear();
        return read();
    }

    private YamlValue read() throws IOException, SyntaxError {
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            return alias(parser.getText());
        }
        String anchor = parser instanceof AnchorAwareYamlFactory.Parser yaml ? yaml.anchor() : null;
        int before = values;
        if (anchor != null) {
            unfinished.add(anchor);
        }
        count(1);
        YamlValue value = switch (parser.currentToken()) {
            case START_OBJECT -> readMapping();
            case START_ARRAY -> readSequence();
            case VALUE_STRING -> scalar(ScalarKind.STRING, parser.getText());
            case VALUE_NUMBER_INT -> new Scalar(ScalarKind.INTEGER, parser.getText(), parser.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> scalar(ScalarKind.FLOAT, parser.getText());
            case VALUE_TRUE -> scalar(ScalarKind.TRUE, parser.getText());
            case VALUE_FALSE -> scalar(ScalarKind.FALSE, parser.getText());
            case VALUE_NULL -> scalar(ScalarKind.NULL, "");
            default -> throw new SyntaxError(line(), "the value " + parser.getText() + " is not supported here");
        };
        if (anchor != null) {
            unfinished.remove(anchor);
            anchors.put(anchor, new Anchored(value, values - before));
        }
        return value;
    }

    private YamlValue alias(String name) throws SyntaxError {
        if (aliases == Aliases.REFUSE) {
            throw new SyntaxError(line(), "the alias *" + name + " is not supported, write the value out in full");
        }
        if (unfinished.contains(name)) {
            throw new SyntaxError(line(), "the alias *" + name + " is inside the value anchored &" + name,
                    "a value cannot contain itself; write the inner part out in full");
        }
        Anchored anchored = anchors.get(name);
        if (anchored == null) {
            throw new SyntaxError(line(), "the alias *" + name + " names no anchor before it",
                    "put &" + name + " before the value it stands for, above this line");
        }
        count(anchored.size());
        return anchored.value();
    }

    private Mapping readMapping() throws IOException, SyntaxError {
        Map<String, YamlValue> entries = new LinkedHashMap<>();
        List<Mapping> merged = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            recordKeyAnchor(key);
            parser.nextToken();
            if (key.equals(MERGE_KEY)) {
                merged.addAll(mergedMappings());
            } else {
                entries.put(key, read());
            }
        }
        for (Mapping mapping : merged) {
            mapping.entries().forEach(entries::putIfAbsent);
        }
        return new Mapping(Collections.unmodifiableMap(entries));
    }

    /** A key can be anchored too ({@code &k name: a}), and its alias then stands for the key's text. */
    private void recordKeyAnchor(String key) {
        String anchor = parser instanceof AnchorAwareYamlFactory.Parser yaml ? yaml.anchor() : null;
        if (anchor != null) {
            anchors.put(anchor, new Anchored(scalar(ScalarKind.STRING, key), 1));
        }
    }

    /** The mappings a merge key's value names, in the order they take precedence. */
    private List<Mapping> mergedMappings() throws IOException, SyntaxError {
        int line = line();
        if (aliases == Aliases.REFUSE) {
            throw new SyntaxError(line, "the merge key << is not supported, write the merged fields out in full");
        }
        YamlValue value = read();
        List<YamlValue> sources = value instanceof Sequence sequence ? sequence.items() : List.of(value);
        List<Mapping> mappings = new ArrayList<>();
        for (YamlValue source : sources) {
            if (!(source instanceof Mapping mapping)) {
                throw new SyntaxError(line, "the merge key << is given " + source.describe(),
                        "merge mappings: <<: *anchor or <<: [*first, *second]");
            }
            mappings.add(mapping);
        }
        return mappings;
    }

    private Sequence readSequence() throws IOException, SyntaxError {
        List<YamlValue> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(read());
        }
        return new Sequence(List.copyOf(items));
    }

    private void count(int more) throws SyntaxError {
        values += more;
        if (values > MAX_VALUES) {
            throw new SyntaxError(line(), "its aliases expand it to more than " + MAX_VALUES + " values",
                    "alias smaller values, or fewer times; kubicle stops there to guard against alias bombs");
        }
    }

    private int line() {
        return parser.currentTokenLocation().getLineNr();
    }

    private static Scalar scalar(ScalarKind kind, String text) {
        return new Scalar(kind, text, null);
    }
}
