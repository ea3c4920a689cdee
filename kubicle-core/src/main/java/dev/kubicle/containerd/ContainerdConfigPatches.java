package dev.kubicle.containerd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.config.Cluster;
import dev.kubicle.json.Json;
import dev.kubicle.json.JsonPatch;
import dev.kubicle.json.PatchFailure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster config's {@code containerdConfigPatches} and {@code containerdConfigPatchesJSON6902}, applied to a
 * node's containerd config as kind does: first each TOML patch in order, merged table by table (a patch's keys add or
 * replace, its tables merge into the config's, arrays are replaced whole), then each RFC 6902 patch on the config seen
 * as JSON, tables being objects. A TOML patch that sets {@code version} applies only to a config of that version, so
 * one cluster config can carry patches for containerd's version 2 and version 3 configs side by side.
 */
public final class ContainerdConfigPatches {
    /** Where containerd reads its config in a node. */
    public static final String PATH = "/etc/containerd/config.toml";
    private static final String MERGE_FIELD = "containerdConfigPatches";
    private static final String JSON_FIELD = "containerdConfigPatchesJSON6902";
    private static final String PATCHED = PATH + " in the node image, read as JSON (each table an object)";
    /** containerd reads a config without a version as version 1. */
    private static final int UNVERSIONED = 1;

    private final List<ObjectNode> mergePatches;
    private final List<JsonPatch> jsonPatches;

    private ContainerdConfigPatches(List<ObjectNode> mergePatches, List<JsonPatch> jsonPatches) {
        this.mergePatches = mergePatches;
        this.jsonPatches = jsonPatches;
    }

    /** The cluster's patches, parsed; see {@link #parse(List, List)}. */
    public static ContainerdConfigPatches of(Cluster config) {
        return parse(config.containerdConfigPatches(), config.containerdConfigPatchesJSON6902());
    }

    /**
     * @param tomlPatches the TOML merge patches, in order
     * @param jsonPatches the RFC 6902 patches, in YAML or JSON, in order
     * @throws KubicleException with {@link ExitCode#INVALID_INPUT} naming the patch that does not parse
     */
    public static ContainerdConfigPatches parse(List<String> tomlPatches, List<String> jsonPatches) {
        List<ObjectNode> merges = new ArrayList<>();
        for (String text : tomlPatches) {
            try {
                merges.add(ContainerdToml.read(text));
            } catch (IllegalArgumentException e) {
                throw invalid(where(MERGE_FIELD, merges.size()), "is not valid TOML (" + e.getMessage() + ")",
                        "fix the patch's TOML");
            }
        }
        List<JsonPatch> jsons = new ArrayList<>();
        for (String text : jsonPatches) {
            try {
                jsons.add(JsonPatch.parse(text, PATCHED));
            } catch (PatchFailure e) {
                throw invalid(where(JSON_FIELD, jsons.size()), e.problem(), e.fix());
            }
        }
        return new ContainerdConfigPatches(List.copyOf(merges), List.copyOf(jsons));
    }

    public boolean isEmpty() {
        return mergePatches.isEmpty() && jsonPatches.isEmpty();
    }

    /**
     * The patched config.
     *
     * @param configToml the node's containerd config
     * @param node       the node it is from, named in errors
     * @throws KubicleException with {@link ExitCode#INVALID_INPUT} naming the JSON6902 patch that does not apply
     */
    public String applyTo(String configToml, String node) {
        ObjectNode config;
        try {
            config = ContainerdToml.read(configToml);
        } catch (IllegalArgumentException e) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE, "node " + node + " has a " + PATH
                    + " that is not valid TOML (" + e.getMessage() + "); rebuild the node image", e);
        }
        int version = version(config).orElse(UNVERSIONED);
        for (ObjectNode patch : mergePatches) {
            if (version(patch).orElse(version) == version) {
                merge(config, patch);
            }
        }
        for (int i = 0; i < jsonPatches.size(); i++) {
            config = applyJsonPatch(config, i, node);
        }
        return ContainerdToml.write(config);
    }

    private ObjectNode applyJsonPatch(ObjectNode config, int index, String node) {
        String where = where(JSON_FIELD, index) + " (node " + node + ")";
        JsonNode patched;
        try {
            patched = jsonPatches.get(index).applyTo(config);
        } catch (PatchFailure e) {
            throw invalid(where, e.problem(), e.fix());
        }
        if (!(patched instanceof ObjectNode table)) {
            throw invalid(where, "leaves the config " + Json.describe(patched) + ", not a table",
                    "patch keys inside the config rather than the whole of it");
        }
        firstNull(table, "").ifPresent(path -> {
            throw invalid(where, "leaves null at " + path + ", which TOML cannot hold",
                    "remove the key with a remove operation instead");
        });
        return table;
    }

    /** Tables merge key by key; anything else, arrays included, replaces what was there. */
    private static void merge(ObjectNode target, ObjectNode patch) {
        for (Map.Entry<String, JsonNode> entry : patch.properties()) {
            JsonNode current = target.get(entry.getKey());
            if (current instanceof ObjectNode currentTable && entry.getValue() instanceof ObjectNode patchTable) {
                merge(currentTable, patchTable);
            } else {
                target.set(entry.getKey(), entry.getValue().deepCopy());
            }
        }
    }

    private static Optional<Integer> version(ObjectNode config) {
        JsonNode version = config.get("version");
        return version != null && version.canConvertToInt() && version.isIntegralNumber()
                ? Optional.of(version.intValue())
                : Optional.empty();
    }

    /** The JSON pointer of the first null in the tree, if any. */
    private static Optional<String> firstNull(JsonNode node, String path) {
        if (node.isNull()) {
            return Optional.of(path);
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                String key = entry.getKey().replace("~", "~0").replace("/", "~1");
                Optional<String> found = firstNull(entry.getValue(), path + "/" + key);
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<String> found = firstNull(node.get(i), path + "/" + i);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static String where(String field, int index) {
        return field + "[" + index + "]";
    }

    private static KubicleException invalid(String where, String problem, String fix) {
        return new KubicleException(ExitCode.INVALID_INPUT, where + ": " + problem + "; " + fix);
    }
}
