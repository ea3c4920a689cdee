package dev.kubicle.json;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;

/** How values are named in error messages. */
public final class Json {
    private static final int LONGEST_QUOTE = 60;

    private Json() {
    }

    /** "a mapping", "a list", or the value itself when it is short, such as {@code the string "a"}. */
    public static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> "a mapping";
            case ARRAY -> "a list";
            case STRING -> "the string " + quote(node);
            case NUMBER -> "the number " + node.asText();
            case BOOLEAN -> node.asText();
            case NULL, MISSING -> "null";
            default -> "a " + node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    /** The value as compact JSON, shortened if long. */
    public static String quote(JsonNode node) {
        String json = node.toString();
        return json.length() <= LONGEST_QUOTE ? json : json.substring(0, LONGEST_QUOTE - 3) + "...";
    }
}
