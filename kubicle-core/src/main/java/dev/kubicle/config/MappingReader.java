package dev.kubicle.config;

import dev.kubicle.config.YamlValue.Mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the fields of one YAML mapping. The names asked for are the allowed ones: any other key is reported as an
 * unknown field, with the closest allowed name as a suggestion.
 */
final class MappingReader {
    private final Map<String, YamlValue> entries;
    private final String path;
    private final Problems problems;
    private final List<String> allowed = new ArrayList<>();

    MappingReader(Mapping mapping, String path, Problems problems) {
        this.entries = mapping.entries();
        this.path = path;
        this.problems = problems;
    }

    <T> T get(String name, ValueDecoder<T> decoder) {
        allowed.add(name);
        YamlValue value = entries.get(name);
        return value == null ? null : decoder.decode(value, YamlPath.field(path, name), problems);
    }

    void rejectUnreadFields() {
        for (String key : entries.keySet()) {
            if (allowed.contains(key)) {
                continue;
            }
            String fix = DidYouMean.closest(key, allowed)
                    .map(name -> "did you mean " + name + "?")
                    .orElse("remove it; the fields here are " + String.join(", ", allowed));
            // Quoted when it is not a plain word, so that an empty or odd key still shows in the path.
            problems.add(YamlPath.key(path, key), "is not a known field", fix);
        }
    }
}
