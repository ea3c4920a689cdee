package dev.kubicle.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An RFC 6902 JSON patch: a list of add, remove, replace, move, copy and test operations, applied in order to a copy
 * of a document. If one fails, none is applied.
 */
public final class JsonPatch {
    private static final String SHAPE_FIX =
            "write a list of RFC 6902 operations, such as [{op: add, path: /a/b, value: c}]";
    private static final Set<String> OPS = Set.of("add", "remove", "replace", "move", "copy", "test");
    private static final Pattern INDEX = Pattern.compile("0|[1-9][0-9]{0,8}");

    private final List<Operation> operations;
    private final String pathFix;

    private JsonPatch(List<Operation> operations, String patched) {
        this.operations = operations;
        this.pathFix = "compare the path with " + patched
                + " (fields are case-sensitive, list items count from 0, a missing parent must be added first)";
    }

    /** One operation; {@code from} is set for move and copy, {@code value} for add, replace and test. */
    private record Operation(int number, String op, JsonPointer path, JsonPointer from, JsonNode value) {
        String describe() {
            String where = from == null ? path.describe() : from.describe() + " to " + path.describe();
            return "operation " + number + " (" + op + " " + where + ")";
        }
    }

    /**
     * @param patched what the patch is for, as the user can look at it, e.g. "the rendered kubeadm config"; errors
     *                about paths tell to compare with it
     * @throws PatchFailure if the text is not YAML or JSON, or not a list of well-formed operations
     */
    public static JsonPatch parse(String text, String patched) {
        List<JsonNode> documents = YamlTrees.readAll(text);
        if (documents.size() != 1 || !documents.get(0).isArray()) {
            throw new PatchFailure("is not a list of operations", SHAPE_FIX);
        }
        List<Operation> operations = new ArrayList<>();
        for (JsonNode item : documents.get(0)) {
            operations.add(operation(operations.size() + 1, item));
        }
        return new JsonPatch(List.copyOf(operations), patched);
    }

    /**
     * The patched copy of {@code document}; the document itself is left as it was.
     *
     * @throws PatchFailure naming the operation that failed and why
     */
    public JsonNode applyTo(JsonNode document) {
        JsonNode root = document.deepCopy();
        for (Operation operation : operations) {
            try {
                root = apply(root, operation);
            } catch (PatchFailure e) {
                throw new PatchFailure(operation.describe() + ": " + e.problem(), e.fix());
            }
        }
        return root;
    }

    private static Operation operation(int number, JsonNode item) {
        String where = "operation " + number;
        if (!item.isObject()) {
            throw new PatchFailure(where + " is " + Json.describe(item) + ", not a mapping with op and path",
                    SHAPE_FIX);
        }
        String op = item.path("op").asText("");
        if (!item.path("op").isTextual() || !OPS.contains(op)) {
            throw new PatchFailure(where + " has op " + Json.quote(item.path("op"))
                    + ", which is not one of add, remove, replace, move, copy, test", SHAPE_FIX);
        }
        boolean needsFrom = op.equals("move") || op.equals("copy");
        boolean needsValue = op.equals("add") || op.equals("replace") || op.equals("test");
        if (needsValue && !item.has("value")) {
            throw new PatchFailure(where + " (" + op + ") has no value", SHAPE_FIX);
        }
        try {
            return new Operation(number, op, pointer(item, "path"), needsFrom ? pointer(item, "from") : null,
                    needsValue ? item.get("value") : null);
        } catch (PatchFailure e) {
            throw new PatchFailure(where + " (" + op + "): " + e.problem(), e.fix());
        }
    }

    private static JsonPointer pointer(JsonNode item, String field) {
        if (!item.path(field).isTextual()) {
            throw new PatchFailure("has no " + field, SHAPE_FIX);
        }
        return JsonPointer.parse(item.get(field).asText());
    }

    private JsonNode apply(JsonNode root, Operation operation) {
        JsonPointer path = operation.path();
        return switch (operation.op()) {
            case "add" -> add(root, path, operation.value().deepCopy());
            case "remove" -> remove(root, path);
            case "replace" -> replace(root, path, operation.value().deepCopy());
            case "move" -> move(root, operation.from(), path);
            case "copy" -> add(root, path, get(root, operation.from()).deepCopy());
            case "test" -> test(root, path, operation.value());
            default -> throw new IllegalStateException("unchecked op " + operation.op());
        };
    }

    private JsonNode add(JsonNode root, JsonPointer path, JsonNode value) {
        if (path.isRoot()) {
            return value;
        }
        JsonNode parent = get(root, path.parent());
        if (parent instanceof ObjectNode object) {
            object.set(path.last(), value);
        } else if (parent instanceof ArrayNode list) {
            // "-" is the end of the list; an index may be the end too, and moves later items up one.
            int index = path.last().equals("-") ? list.size() : index(list, path.parent(), path.last(), true);
            list.insert(index, value);
        } else {
            throw new PatchFailure(path.parent().describe() + " is " + Json.describe(parent)
                    + ", so nothing can be added inside it", pathFix);
        }
        return root;
    }

    private JsonNode remove(JsonNode root, JsonPointer path) {
        if (path.isRoot()) {
            throw new PatchFailure("the whole document cannot be removed", "remove the fields inside it instead");
        }
        get(root, path);
        JsonNode parent = get(root, path.parent());
        if (parent instanceof ObjectNode object) {
            object.remove(path.last());
        } else {
            ((ArrayNode) parent).remove(index((ArrayNode) parent, path.parent(), path.last(), false));
        }
        return root;
    }

    private JsonNode replace(JsonNode root, JsonPointer path, JsonNode value) {
        if (path.isRoot()) {
            return value;
        }
        get(root, path);
        JsonNode parent = get(root, path.parent());
        if (parent instanceof ObjectNode object) {
            object.set(path.last(), value);
        } else {
            ((ArrayNode) parent).set(index((ArrayNode) parent, path.parent(), path.last(), false), value);
        }
        return root;
    }

    private JsonNode move(JsonNode root, JsonPointer from, JsonPointer path) {
        if (path.isInside(from)) {
            throw new PatchFailure(path.describe() + " is inside " + from.describe()
                    + ", and a value cannot be moved into itself", "move it elsewhere, or copy it instead");
        }
        JsonNode value = get(root, from);
        if (from.equals(path)) {
            return root;
        }
        return add(remove(root, from), path, value);
    }

    private JsonNode test(JsonNode root, JsonPointer path, JsonNode expected) {
        JsonNode actual = get(root, path);
        if (!actual.equals(YamlTrees.SAME_VALUE, expected)) {
            throw new PatchFailure("the value at " + path.describe() + " is " + Json.quote(actual) + ", not "
                    + Json.quote(expected), "the test guards the operations after it; adjust the test or the patch");
        }
        return root;
    }

    /** The value the pointer points at; the failure names the first step that does not exist. */
    private JsonNode get(JsonNode root, JsonPointer pointer) {
        JsonNode node = root;
        for (int i = 0; i < pointer.tokens().size(); i++) {
            String token = pointer.tokens().get(i);
            JsonPointer at = pointer.prefix(i);
            if (node instanceof ObjectNode object) {
                node = object.get(token);
                if (node == null) {
                    throw new PatchFailure(at.describe() + " has no field \"" + token + "\"", pathFix);
                }
            } else if (node instanceof ArrayNode list) {
                node = list.get(index(list, at, token, false));
            } else {
                throw new PatchFailure(at.describe() + " is " + Json.describe(node) + ", so it has no \"" + token
                        + "\"", pathFix);
            }
        }
        return node;
    }

    /**
     * The list index a token names: digits without leading zeros, below the list's size ({@code orEnd} allows the
     * size itself, for add).
     */
    private static int index(ArrayNode list, JsonPointer at, String token, boolean orEnd) {
        if (token.equals("-")) {
            throw new PatchFailure("\"-\" in " + at.describe() + "/- is the end of the list, where only add can put a"
                    + " value", "give the index of an existing item");
        }
        if (!INDEX.matcher(token).matches()) {
            throw new PatchFailure(at.describe() + " is a list, and \"" + token + "\" is not an index of it",
                    "give an index counted from 0, or - for the end of the list");
        }
        int index = Integer.parseInt(token);
        int limit = orEnd ? list.size() : list.size() - 1;
        if (index > limit) {
            throw new PatchFailure(at.describe() + " has " + list.size() + (list.size() == 1 ? " item" : " items")
                    + ", so there is no item " + index, orEnd
                    ? "add at an index up to " + list.size() + ", or at - for the end of the list"
                    : "give the index of an existing item, counted from 0");
        }
        return index;
    }
}
