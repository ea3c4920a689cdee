package dev.kubicle.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.kubicle.yaml.YamlErrors;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Reads YAML (and so JSON) text into Jackson trees, which the patch engines work on. */
public final class YamlTrees {
    private static final YAMLMapper READER = new YAMLMapper(YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // "key:" with nothing after it is YAML's null, which a merge patch uses to delete a field.
            .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
            .build());
    /** Leaf equality in which 1, 1.0 and a long 1 are the same number, as in RFC 6902's test operation. */
    public static final Comparator<JsonNode> SAME_VALUE = (left, right) -> {
        if (left.isNumber() && right.isNumber()) {
            return left.decimalValue().compareTo(right.decimalValue());
        }
        return left.equals(right) ? 0 : 1;
    };

    private YamlTrees() {
    }

    /**
     * The documents of a YAML stream, in order; empty documents are skipped.
     *
     * @throws PatchFailure if the text is not YAML
     */
    public static List<JsonNode> readAll(String text) {
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
            throw new PatchFailure("is not valid YAML (" + YamlErrors.describe(e) + ")", "fix the patch's YAML");
        } catch (IOException e) {
            throw new IllegalStateException("reading YAML from a string", e);
        }
        return documents;
    }
}
