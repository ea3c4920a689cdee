package dev.kubicle.kubeadm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.kubicle.json.PatchFailure;
import dev.kubicle.json.YamlTrees;
import dev.kubicle.yaml.FaithfulYamlWriter;

import java.util.List;

/**
 * Turns the typed documents into trees, and trees into YAML text. Everything goes through Jackson, so what kubicle
 * writes is valid YAML whatever the values hold.
 */
final class KubeadmYaml {
    private static final ObjectMapper V1BETA3_TREES = treeMapper(new ExtraArgs.AsMap());
    private static final ObjectMapper V1BETA4_TREES = treeMapper(new ExtraArgs.AsList());

    private KubeadmYaml() {
    }

    static ObjectNode toTree(Object document, KubeadmApiVersion api) {
        ObjectMapper mapper = api.argsAsList() ? V1BETA4_TREES : V1BETA3_TREES;
        return mapper.valueToTree(document);
    }

    /** The documents as one YAML stream, separated by {@code ---} lines. */
    static String write(List<ObjectNode> documents) {
        StringBuilder yaml = new StringBuilder();
        for (ObjectNode document : documents) {
            if (yaml.length() > 0) {
                yaml.append("---\n");
            }
            yaml.append(write(document));
        }
        return yaml.toString();
    }

    private static String write(ObjectNode document) {
        return FaithfulYamlWriter.write(document, yaml -> readsBackAs(yaml, document), "kubeadm config");
    }

    private static boolean readsBackAs(String yaml, ObjectNode document) {
        try {
            List<JsonNode> readBack = YamlTrees.readAll(yaml);
            return readBack.size() == 1 && document.equals(YamlTrees.SAME_VALUE, readBack.get(0));
        } catch (PatchFailure e) {
            return false;
        }
    }

    /** Leaves out null fields and empty maps and lists, so kubeadm's defaults apply to them; keeps 0 and false. */
    private static ObjectMapper treeMapper(StdSerializer<ExtraArgs> extraArgs) {
        return new ObjectMapper()
                .registerModule(new SimpleModule().addSerializer(ExtraArgs.class, extraArgs))
                .setDefaultPropertyInclusion(JsonInclude.Include.NON_EMPTY);
    }
}
