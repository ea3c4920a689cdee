package dev.kubicle.kubeconfig;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.kubicle.yaml.FaithfulYamlWriter;
import dev.kubicle.yaml.YamlErrors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and writes kubeconfig YAML so that a round trip keeps every value the user wrote. Jackson's own tree
 * reading would normalize unquoted numbers and booleans and replace an alias by its anchor's name; here they keep
 * their text ({@link PlainScalarNode}) and aliases are expanded. Comments and formatting are not kept, as with
 * kubectl.
 */
final class KubeconfigYaml {
    private static final YAMLFactory FACTORY = new YAMLFactory();
    /** Compares trees leaf by leaf (0 means the same), for {@link #readsBackAs}. */
    private static final Comparator<JsonNode> SAME_TEXT = (written, readBack) ->
            written.equals(readBack) || written instanceof PlainScalarNode && readBack.isTextual()
                    && written.asText().equals(readBack.asText()) ? 0 : 1;
    /** Where SnakeYAML's messages say the problem is; the last one is the problem, earlier ones its context. */

    private KubeconfigYaml() {
    }

    /** The first document of {@code text} as a mapping; empty when the text holds no document. */
    static ObjectNode read(String text) throws InvalidKubeconfigException {
        try (YAMLParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null || first == JsonToken.VALUE_NULL) {
                return JsonNodeFactory.instance.objectNode();
            }
            JsonNode root = new TreeReader(parser).readValue();
            if (!(root instanceof ObjectNode document)) {
                throw new InvalidKubeconfigException("the top level is " + kindOf(root) + ", not a mapping");
            }
            return document;
        } catch (JsonProcessingException e) {
            throw new InvalidKubeconfigException(YamlErrors.describe(e), e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading YAML from a string", e);
        }
    }

    static String write(ObjectNode document) {
        return FaithfulYamlWriter.write(document, yaml -> readsBackAs(yaml, document), "kubeconfig");
    }

    /** "a list", "a string", ... for messages about a node that has the wrong shape. */
    static String kindOf(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "a list";
            case OBJECT -> "a mapping";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL, MISSING -> "empty";
            default -> "a " + node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    /**
     * Whether {@code yaml} holds the values of {@code document}. Strings must stay strings; an unquoted number may
     * come back quoted with the same text, because SnakeYAML quotes numbers with a leading zero like 0755 (where
     * kubectl's schema expects a string, it reads both the same).
     */
    private static boolean readsBackAs(String yaml, ObjectNode document) {
        try {
            return document.equals(SAME_TEXT, read(yaml));
        } catch (InvalidKubeconfigException e) {
            return false;
        }
    }

    /** Builds the tree of one document, expanding aliases of the mappings and lists anchored before them. */
    private static final class TreeReader {
        private final YAMLParser parser;
        private final Map<String, JsonNode> anchored = new HashMap<>();

        TreeReader(YAMLParser parser) {
            this.parser = parser;
        }

        /** Reads the value whose first token is the parser's current one. */
        JsonNode readValue() throws IOException, InvalidKubeconfigException {
            JsonToken token = parser.currentToken();
            // Jackson reports anchors of mappings and lists only, and only on their first token.
            String anchor = parser.getObjectId();
            JsonNode value = switch (token) {
                case START_OBJECT -> readMapping();
                case START_ARRAY -> readList();
                case VALUE_STRING ->
                        parser.isCurrentAlias() ? expand(parser.getText()) : TextNode.valueOf(parser.getText());
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE ->
                        new PlainScalarNode(token, parser.getText());
                case VALUE_NULL -> NullNode.getInstance();
                case VALUE_EMBEDDED_OBJECT -> BinaryNode.valueOf(parser.getBinaryValue());
                default -> throw new IllegalStateException("unexpected YAML token " + token);
            };
            if (anchor != null) {
                anchored.put(anchor, value);
            }
            return value;
        }

        private ObjectNode readMapping() throws IOException, InvalidKubeconfigException {
            ObjectNode mapping = JsonNodeFactory.instance.objectNode();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                parser.nextToken();
                mapping.set(key, readValue());
            }
            return mapping;
        }

        private ArrayNode readList() throws IOException, InvalidKubeconfigException {
            ArrayNode list = JsonNodeFactory.instance.arrayNode();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                list.add(readValue());
            }
            return list;
        }

        private JsonNode expand(String alias) throws InvalidKubeconfigException {
            JsonNode value = anchored.get(alias);
            if (value == null) {
                // A scalar's anchor is invisible through Jackson; dropping the value would lose the user's data.
                throw new InvalidKubeconfigException("line " + parser.currentTokenLocation().getLineNr()
                        + ": kubicle cannot expand the alias *" + alias
                        + " of a single value; write the value in place of the alias");
            }
            return value.deepCopy();
        }
    }
}
