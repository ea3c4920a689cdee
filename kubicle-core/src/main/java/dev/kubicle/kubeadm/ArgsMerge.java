package dev.kubicle.kubeadm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubicle.json.Json;
import dev.kubicle.json.PatchFailure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges component arguments ({@code extraArgs}, {@code kubeletExtraArgs}) by name. Either side may be spelled as
 * v1beta3's map or v1beta4's list of name/value pairs; the result is spelled as the document's version wants, so a
 * patch written for one version applies to the other, as kind allows. A name the patch gives replaces every argument
 * of that name (v1beta4 allows repeats), where the first of them was; a null value removes them; new names go last.
 */
final class ArgsMerge {
    private static final String FIX = "write arguments as name: value lines, or as a list of {name: ..., value: ...}";

    private record Arg(String name, JsonNode value) {
    }

    private ArgsMerge() {
    }

    static JsonNode merge(JsonNode current, JsonNode patch, String path, boolean asList) {
        List<Arg> args = current == null ? new ArrayList<>() : read(current, path);
        Map<String, List<Arg>> patchedByName = new LinkedHashMap<>();
        for (Arg arg : read(patch, path)) {
            patchedByName.computeIfAbsent(arg.name(), name -> new ArrayList<>()).add(arg);
        }
        for (Map.Entry<String, List<Arg>> patched : patchedByName.entrySet()) {
            String name = patched.getKey();
            int first = indexOf(args, name);
            args.removeIf(arg -> arg.name().equals(name));
            List<Arg> replacements = patched.getValue().stream().filter(arg -> !arg.value().isNull()).toList();
            args.addAll(first < 0 ? args.size() : first, replacements);
        }
        return asList ? toList(args) : toMap(args);
    }

    private static List<Arg> read(JsonNode args, String path) {
        List<Arg> result = new ArrayList<>();
        if (args.isObject()) {
            for (Map.Entry<String, JsonNode> field : args.properties()) {
                result.add(new Arg(field.getKey(), value(field.getValue(), path + "." + field.getKey())));
            }
        } else if (args.isArray()) {
            for (int i = 0; i < args.size(); i++) {
                JsonNode item = args.get(i);
                String where = path + "[" + i + "]";
                if (!item.isObject() || !item.path("name").isTextual()) {
                    throw new PatchFailure(where + " has no name", FIX);
                }
                result.add(new Arg(item.get("name").asText(), value(item.path("value"), where + ".value")));
            }
        } else if (!args.isNull()) {
            throw new PatchFailure(path + " is " + Json.describe(args) + ", not arguments", FIX);
        }
        return result;
    }

    /** Arguments are strings; a YAML number or boolean is taken as its text, as the command line would. */
    private static JsonNode value(JsonNode value, String path) {
        if (value.isMissingNode() || value.isNull()) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (value.isContainerNode()) {
            throw new PatchFailure(path + " is " + Json.describe(value) + ", not a string", "give the value as text");
        }
        return JsonNodeFactory.instance.textNode(value.asText());
    }

    private static int indexOf(List<Arg> args, String name) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static ArrayNode toList(List<Arg> args) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (Arg arg : args) {
            list.addObject().put("name", arg.name()).set("value", arg.value());
        }
        return list;
    }

    /** v1beta3 cannot repeat a name; the last value wins, as it would on a command line. */
    private static ObjectNode toMap(List<Arg> args) {
        ObjectNode map = JsonNodeFactory.instance.objectNode();
        for (Arg arg : args) {
            map.set(arg.name(), arg.value());
        }
        return map;
    }
}
