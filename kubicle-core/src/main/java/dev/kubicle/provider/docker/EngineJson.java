package dev.kubicle.provider.docker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The engine's JSON replies written for people to read, in diagnostics such as {@code export logs}. */
final class EngineJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EngineJson() {
    }

    static String pretty(JsonNode reply) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(reply) + "\n";
        } catch (JsonProcessingException e) {
            // A tree that Jackson itself parsed always serializes.
            throw new IllegalStateException(e);
        }
    }
}
