package dev.kubicle.config;

import dev.kubicle.config.YamlValue.Mapping;
import dev.kubicle.config.YamlValue.Scalar;
import dev.kubicle.config.YamlValue.ScalarKind;
import dev.kubicle.config.YamlValue.Sequence;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Gives one YAML value its Java type, or records at {@code path} why it cannot and returns null. A YAML null
 * ({@code ~}, or nothing after the colon) decodes to null: the field is not set.
 */
@FunctionalInterface
interface ValueDecoder<T> {

    T decode(YamlValue value, String path, Problems problems);

    /** Any scalar as written, so {@code version: 1.10} is the string "1.10", as Go's YAML decoder would read it. */
    ValueDecoder<String> STRING = (value, path, problems) -> {
        if (value instanceof Scalar scalar) {
            return scalar.isNull() ? null : scalar.text();
        }
        problems.add(path, "expected a single value but found " + value.describe(), "write one value after the colon");
        return null;
    };

    ValueDecoder<Integer> INTEGER = (value, path, problems) -> {
        if (value instanceof Scalar scalar && scalar.kind() == ScalarKind.INTEGER) {
            if (scalar.integer().bitLength() < Integer.SIZE) {
                return scalar.integer().intValue();
            }
            problems.add(path, scalar.text() + (scalar.integer().signum() > 0 ? " is too large" : " is too small"),
                    "use a number closer to zero");
            return null;
        }
        if (value instanceof Scalar scalar && scalar.isNull()) {
            return null;
        }
        String fix = value instanceof Scalar scalar ? wholeNumberFix(scalar.text()) : "use a whole number";
        problems.add(path, "expected a whole number but found " + value.describe(), fix);
        return null;
    };

    ValueDecoder<Boolean> BOOLEAN = (value, path, problems) -> {
        if (value instanceof Scalar scalar && scalar.isBoolean()) {
            return scalar.kind() == ScalarKind.TRUE;
        }
        if (value instanceof Scalar scalar && scalar.isNull()) {
            return null;
        }
        String fix = value instanceof Scalar scalar && scalar.kind() == ScalarKind.STRING
                && (scalar.text().equalsIgnoreCase("true") || scalar.text().equalsIgnoreCase("false"))
                ? "write it without quotes: " + scalar.text().toLowerCase(Locale.ROOT)
                : "use true or false";
        problems.add(path, "expected true or false but found " + value.describe(), fix);
        return null;
    };

    /** A list whose items all decode with {@code item}; an empty item ({@code -} alone) is a problem. */
    static <T> ValueDecoder<List<T>> listOf(ValueDecoder<T> item) {
        return (value, path, problems) -> {
            if (value instanceof Scalar scalar && scalar.isNull()) {
                return null;
            }
            if (!(value instanceof Sequence sequence)) {
                problems.add(path, "expected a list but found " + value.describe(),
                        "write one item per line, each starting with '- '");
                return null;
            }
            List<T> items = new ArrayList<>();
            for (int i = 0; i < sequence.items().size(); i++) {
                String itemPath = YamlPath.index(path, i);
                YamlValue itemValue = sequence.items().get(i);
                if (itemValue instanceof Scalar scalar && scalar.isNull()) {
                    problems.add(itemPath, "is empty", "fill it in or remove the lone '-'");
                    continue;
                }
                T decoded = item.decode(itemValue, itemPath, problems);
                if (decoded != null) {
                    items.add(decoded);
                }
            }
            return List.copyOf(items);
        };
    }

    /** A mapping with free-form keys (labels, feature gates) whose values all decode with {@code entry}. */
    static <T> ValueDecoder<Map<String, T>> mapOf(ValueDecoder<T> entry) {
        return (value, path, problems) -> {
            if (value instanceof Scalar scalar && scalar.isNull()) {
                return null;
            }
            if (!(value instanceof Mapping mapping)) {
                problems.add(path, "expected a mapping but found " + value.describe(), "write one key: value per line");
                return null;
            }
            Map<String, T> entries = new LinkedHashMap<>();
            mapping.entries().forEach((key, entryValue) -> {
                String entryPath = YamlPath.key(path, key);
                if (entryValue instanceof Scalar scalar && scalar.isNull()) {
                    problems.add(entryPath, "has no value", "write a value after the colon, or \"\" for an empty one");
                    return;
                }
                T decoded = entry.decode(entryValue, entryPath, problems);
                if (decoded != null) {
                    entries.put(key, decoded);
                }
            });
            return Collections.unmodifiableMap(entries);
        };
    }

    /** A mapping with a fixed set of fields, read by {@code fields}; fields it did not read are problems. */
    static <T> ValueDecoder<T> record(Function<MappingReader, T> fields) {
        return (value, path, problems) -> {
            if (value instanceof Scalar scalar && scalar.isNull()) {
                return null;
            }
            if (!(value instanceof Mapping mapping)) {
                problems.add(path, "expected a mapping but found " + value.describe(),
                        "write its fields as indented field: value lines");
                return null;
            }
            MappingReader reader = new MappingReader(mapping, path, problems);
            T decoded = fields.apply(reader);
            reader.rejectUnreadFields();
            return decoded;
        };
    }

    /**
     * A number that YAML read as a string was quoted ({@code "6443"}) or has a leading zero that makes it no octal
     * number ({@code 080}); only the first is fixed by removing quotes.
     */
    private static String wholeNumberFix(String text) {
        BigInteger number;
        try {
            number = new BigInteger(text.strip());
        } catch (NumberFormatException e) {
            return "use a whole number";
        }
        String plain = number.toString();
        return plain.equals(text.strip()) ? "write it without quotes: " + plain : "write it as " + plain;
    }
}
