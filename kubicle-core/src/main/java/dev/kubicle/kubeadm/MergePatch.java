package dev.kubicle.kubeadm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Set;

/**
 * A YAML merge patch applied to one kubeadm document, like kind's: mappings merge recursively, a null deletes the
 * field, scalars and lists replace what was there (RFC 7386). Two kinds of field merge instead, as in kind and in
 * Kubernetes' strategic merge: component arguments merge by name ({@link ArgsMerge}), so a patch that adds one
 * argument keeps the node-ip and provider-id kubicle set; and {@code certSANs} gain the patch's names, so the names
 * kubicle needs stay.
 */
final class MergePatch {
    private static final Set<String> ARGS_FIELDS = Set.of("extraArgs", "kubeletExtraArgs");
    private static final Set<String> TYPE_FIELDS = Set.of("apiVersion", "kind");

    private MergePatch() {
    }

    /**
     * Merges {@code patch} into {@code document} in place. The patch's apiVersion and kind only select the document;
     * they are not copied, so a v1beta3 patch leaves a v1beta4 document v1beta4.
     */
    static void apply(ObjectNode document, ObjectNode patch) {
        KubeadmApiVersion api = KubeadmApiVersion.of(document.path("apiVersion").asText());
        for (Map.Entry<String, JsonNode> field : patch.properties()) {
            if (!TYPE_FIELDS.contains(field.getKey())) {
                mergeField(document, field.getKey(), field.getValue(), field.getKey(), api);
            }
        }
    }

    private static JsonNode merge(JsonNode target, JsonNode patch, String path, KubeadmApiVersion api) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject()
                ? (ObjectNode) target
                : JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> field : patch.properties()) {
            mergeField(result, field.getKey(), field.getValue(), path + "." + field.getKey(), api);
        }
        return result;
    }

    private static void mergeField(ObjectNode target, String name, JsonNode patch, String path,
            KubeadmApiVersion api) {
        JsonNode current = target.get(name);
        if (patch.isNull()) {
            target.remove(name);
        } else if (api != null && ARGS_FIELDS.contains(name)) {
            target.set(name, ArgsMerge.merge(current, patch, path, api.argsAsList()));
        } else if (name.equals("certSANs") && patch.isArray() && current != null && current.isArray()) {
            target.set(name, union((ArrayNode) current, (ArrayNode) patch));
        } else {
            target.set(name, merge(current, patch, path, api));
        }
    }

    private static ArrayNode union(ArrayNode current, ArrayNode patch) {
        ArrayNode result = current.deepCopy();
        for (JsonNode item : patch) {
            if (!contains(result, item)) {
                result.add(item.deepCopy());
            }
        }
        return result;
    }

    private static boolean contains(ArrayNode list, JsonNode item) {
        for (JsonNode existing : list) {
            if (existing.equals(item)) {
                return true;
            }
        }
        return false;
    }
}
