package dev.kubicle.config;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * A YAML value as written, before it is given a Java type. Scalars keep their text, so that {@code 1.10} given for a
 * string field stays {@code "1.10"} instead of becoming the number 1.1.
 */
sealed interface YamlValue {

    /** How the value reads in a message, e.g. {@code a list} or {@code the string "80"}. */
    String describe();

    record Mapping(Map<String, YamlValue> entries) implements YamlValue {
        @Override
        public String describe() {
            return "a mapping";
        }
    }

    record Sequence(List<YamlValue> items) implements YamlValue {
        @Override
        public String describe() {
            return "a list";
        }
    }

    /** @param integer the value of an {@link ScalarKind#INTEGER}, else null */
    record Scalar(ScalarKind kind, String text, BigInteger integer) implements YamlValue {
        boolean isNull() {
            return kind == ScalarKind.NULL;
        }

        boolean isBoolean() {
            return kind == ScalarKind.TRUE || kind == ScalarKind.FALSE;
        }

        @Override
        public String describe() {
            return switch (kind) {
                case STRING -> "the string \"" + text + "\"";
                case INTEGER, FLOAT -> "the number " + text;
                case TRUE, FALSE -> "the boolean " + text;
                case NULL -> "no value";
            };
        }
    }

    enum ScalarKind { STRING, INTEGER, FLOAT, TRUE, FALSE, NULL }
}
