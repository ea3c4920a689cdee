package dev.kubicle.config;

import dev.kubicle.config.YamlValue.Mapping;
import dev.kubicle.config.YamlValue.Scalar;
import dev.kubicle.config.YamlValue.ScalarKind;
import dev.kubicle.config.YamlValue.Sequence;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The shape of an RFC 6902 JSON patch written in YAML or JSON: a list of operations, each with a known {@code op},
 * a {@code path} (and for move and copy a {@code from}) that is a JSON pointer, and a {@code value} where the
 * operation needs one. Whether the paths exist in the patched document is only known when the patch is applied.
 */
final class JsonPatchSyntax {
    private static final List<String> OP_NAMES = List.of("add", "remove", "replace", "move", "copy", "test");
    private static final Set<String> OPS = Set.copyOf(OP_NAMES);
    private static final Set<String> OPS_WITH_VALUE = Set.of("add", "replace", "test");
    private static final Set<String> OPS_WITH_FROM = Set.of("move", "copy");

    private JsonPatchSyntax() {
    }

    /** What is wrong with the patch, one sentence per problem; empty when it is a well-formed patch. */
    static List<String> problems(String patch) {
        List<YamlValue> documents;
        try {
            documents = YamlReader.readPatch(patch);
        } catch (YamlReader.SyntaxError e) {
            return List.of("is not valid YAML or JSON" + e.describe(" of the patch"));
        }
        if (documents.size() != 1 || !(documents.get(0) instanceof Sequence operations)) {
            return List.of("is not a list of operations");
        }
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < operations.items().size(); i++) {
            String where = "operation " + (i + 1) + " ";
            if (!(operations.items().get(i) instanceof Mapping operation)) {
                problems.add(where + "is not a mapping with op and path");
                continue;
            }
            String op = text(operation, "op");
            if (op == null) {
                problems.add(where + "has no op");
                continue;
            }
            if (!OPS.contains(op)) {
                problems.add(where + "has op \"" + op + "\", which is not one of " + String.join(", ", OP_NAMES));
                continue;
            }
            checkPointer(operation, "path", where, problems);
            if (OPS_WITH_FROM.contains(op)) {
                checkPointer(operation, "from", where, problems);
            }
            if (OPS_WITH_VALUE.contains(op) && !operation.entries().containsKey("value")) {
                problems.add(where + "(" + op + ") has no value");
            }
        }
        return problems;
    }

    private static void checkPointer(Mapping operation, String field, String where, List<String> problems) {
        String pointer = text(operation, field);
        if (pointer == null) {
            problems.add(where + "has no " + field);
        } else if (!pointer.startsWith("/")) {
            problems.add(where + "has " + field + " \"" + pointer + "\", which does not start with /");
        }
    }

    private static String text(Mapping operation, String field) {
        return operation.entries().get(field) instanceof Scalar scalar && scalar.kind() == ScalarKind.STRING
                ? scalar.text()
                : null;
    }
}
