package dev.kubicle.kubeadm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.kubicle.yaml.FaithfulYamlWriter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns the typed documents into trees, trees into YAML text, and patch text into trees. Everything goes through
 * Jackson, so what kubicle writes is valid YAML whatever the values hold.
 */
final class KubeadmYaml {
    private static final ObjectMapper V1BETA3_TREES = treeMapper(new ExtraArgs.AsMap());
    private static final ObjectMapper V1BETA4_TREES = treeMapper(new ExtraArgs.AsList());
    private static final YAMLMapper READER = new YAMLMapper(YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // "key:" with nothing after it is YAML's null, which a merge patch uses to delete a field.
            .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
            .build());
    /** Leaf equality in which 1, 1.0 and a long 1 are the same number, as in RFC 6902's test operation. */
    static final Comparator<JsonNode> SAME_VALUE = (left, right) -> {
        if (left.isNumber() && right.isNumber()) {
            return left.decimalValue().compareTo(right.decimalValue());
        }
        return left.equals(right) ? 0 : 1;
    };

    private KubeadmYaml() {
    }

    static ObjectNode toTree(Object document, KubeadmApiVersion api) {
        ObjectMapper mapper = api.argsAsList() ? V1BETA4_TREES : V1BETA3_TREES;
        return mapper.valueToTree(document);
    }

    /** The documents as one YAML stream, separated by {@code ---} lines. */
    static String write(List<ObjectNode> documents) {
        StringBuilder yaml = new StringBuilder();
        for (ObjectNode document : documents) {
            if (yaml.length() > 0) {
                yaml.append("---\n");
            }
            yaml.append(write(document));
        }
        return yaml.toString();
    }

    /**
     * The documents of a YAML stream, in order; empty documents are skipped.
     *
     * @throws PatchFailure if the text is not YAML
     */
    static List<JsonNode> readAll(String text) {
        List<JsonNode> documents = new ArrayList<>();
        // Value by value rather than with readValues, which would take a top-level list for a stream of documents.
        try (JsonParser parser = READER.createParser(text)) {
            while (parser.nextToken() != null) {
                JsonNode document = READER.readTree(parser);
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            }
        } catch (JsonProcessingException e) {
            throw new PatchFailure("is not valid YAML (" + describe(e) + ")", "fix the patch's YAML");
        } catch (IOException e) {
            throw new IllegalStateException("reading YAML from a string", e);
        }
        return documents;
    }

    private static String write(ObjectNode document) {
        return FaithfulYamlWriter.write(document, yaml -> readsBackAs(yaml, document), "kubeadm config");
    }

    private static boolean readsBackAs(String yaml, ObjectNode document) {
        try {
            List<JsonNode> readBack = readAll(yaml);
            return readBack.size() == 1 && document.equals(SAME_VALUE, readBack.get(0));
        } catch (PatchFailure e) {
            return false;
        }
    }

    /** Leaves out null fields and empty maps and lists, so kubeadm's defaults apply to them; keeps 0 and false. */
    private static ObjectMapper treeMapper(StdSerializer<ExtraArgs> extraArgs) {
        return new ObjectMapper()
                .registerModule(new SimpleModule().addSerializer(ExtraArgs.class, extraArgs))
                .setDefaultPropertyInclusion(JsonInclude.Include.NON_EMPTY);
    }

    /** "line 3, column 7: mapping values are not allowed here", on one line. */
    private static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        // SnakeYAML's sentences start in column 0, the problem last; its snippets and carets are indented.
        String problem = message.lines()
                .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .reduce((context, last) -> last)
                .orElse(message)
                .strip();
        return e.getLocation() == null ? problem
                : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": " + problem;
    }
}
