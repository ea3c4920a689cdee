package dev.kubicle.config;

import java.util.regex.Pattern;

/** Builds the YAML paths that problems are reported at, such as {@code nodes[1].labels.tier}. */
final class YamlPath {
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");

    private YamlPath() {
    }

    static String field(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /**
     * A key the user chose: of a free-form map, or an unknown field. Keys with dots, slashes or spaces (like label
     * keys), and the empty key, are quoted so the path stays readable.
     */
    static String key(String parent, String key) {
        return PLAIN_KEY.matcher(key).matches() ? field(parent, key) : parent + "[\"" + key + "\"]";
    }
}
