package dev.kubicle.provider.docker;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/** The engine's {@code label} filter values for "carries every one of these labels". */
final class LabelFilters {

    private LabelFilters() {
    }

    /** The engine's {@code filters} query parameter for these labels, for calls made without docker-java. */
    static String asQueryParameter(Map<String, String> labels) {
        ObjectNode filters = JsonNodeFactory.instance.objectNode();
        of(labels).forEach(filters.putArray("label")::add);
        return filters.toString();
    }

    /** {@code key=value} to match a value, a bare {@code key} (for an empty value) to match any value. */
    static List<String> of(Map<String, String> labels) {
        return labels.entrySet().stream()
                .map(label -> label.getValue() == null || label.getValue().isEmpty() ? label.getKey()
                        : label.getKey() + "=" + label.getValue())
                .sorted()
                .toList();
    }
}
