package dev.kubicle.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** Writes a config back as YAML, as {@code create cluster --dry-run} shows the resolved one. */
public final class ConfigPrinter {
    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private ConfigPrinter() {
    }

    /** The config as YAML that {@link ConfigLoader} reads back to an equal config; null fields are left out. */
    public static String toYaml(Cluster config) {
        ObjectNode fields = MAPPER.valueToTree(config);
        // Kubernetes-style files open with apiVersion and kind; the record's order puts kind first.
        ObjectNode ordered = MAPPER.createObjectNode();
        for (String first : new String[] {"apiVersion", "kind"}) {
            if (fields.has(first)) {
                ordered.set(first, fields.remove(first));
            }
        }
        ordered.setAll(fields);
        try {
            return MAPPER.writeValueAsString(ordered);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a config of records and strings always serializes", e);
        }
    }
}
