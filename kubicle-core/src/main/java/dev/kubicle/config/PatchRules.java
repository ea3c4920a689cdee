package dev.kubicle.config;

import dev.kubicle.config.YamlValue.Mapping;
import dev.kubicle.config.YamlValue.Scalar;

import java.util.List;
import java.util.Optional;

/**
 * kubeadm and containerd patches, checked for shape before any node exists: kubeadm merge patches are YAML documents
 * naming the kubeadm {@code kind} they patch, containerd merge patches are TOML, and the JSON6902 ones are RFC 6902
 * operation lists.
 */
final class PatchRules {
    private static final String KUBEADM_KINDS = "ClusterConfiguration, InitConfiguration, JoinConfiguration,"
            + " KubeletConfiguration or KubeProxyConfiguration";
    private static final String JSON_PATCH_FIX =
            "write a list of RFC 6902 operations, such as [{op: add, path: /a/b, value: c}]";

    private PatchRules() {
    }

    static void check(Cluster cluster, Problems problems) {
        checkKubeadm(cluster.kubeadmConfigPatches(), cluster.kubeadmConfigPatchesJSON6902(), "", problems);
        for (int i = 0; i < cluster.nodes().size(); i++) {
            Node node = cluster.nodes().get(i);
            checkKubeadm(node.kubeadmConfigPatches(), node.kubeadmConfigPatchesJSON6902(), YamlPath.index("nodes", i),
                    problems);
        }
        List<String> containerd = cluster.containerdConfigPatches();
        for (int i = 0; i < containerd.size(); i++) {
            String path = YamlPath.index("containerdConfigPatches", i);
            Optional<String> syntax = TomlSyntax.problem(containerd.get(i));
            syntax.ifPresent(reason -> problems.add(path, "is not valid TOML " + reason,
                    "containerd patches are TOML, such as [plugins.\"io.containerd.grpc.v1.cri\"] on one line and"
                            + " key = \"value\" lines below it"));
        }
        List<String> containerdJson = cluster.containerdConfigPatchesJSON6902();
        for (int i = 0; i < containerdJson.size(); i++) {
            checkJsonPatch(containerdJson.get(i), YamlPath.index("containerdConfigPatchesJSON6902", i), problems);
        }
    }

    private static void checkKubeadm(List<String> patches, List<PatchJson6902> jsonPatches, String parent,
            Problems problems) {
        for (int i = 0; i < patches.size(); i++) {
            String path = YamlPath.index(YamlPath.field(parent, "kubeadmConfigPatches"), i);
            checkMergePatch(patches.get(i), path, problems);
        }
        for (int i = 0; i < jsonPatches.size(); i++) {
            PatchJson6902 patch = jsonPatches.get(i);
            String path = YamlPath.index(YamlPath.field(parent, "kubeadmConfigPatchesJSON6902"), i);
            if (patch.kind() == null || patch.kind().isEmpty()) {
                problems.add(YamlPath.field(path, "kind"), "is missing",
                        "name the kubeadm kind to patch: " + KUBEADM_KINDS);
            }
            if (patch.patch() == null || patch.patch().isBlank()) {
                problems.add(YamlPath.field(path, "patch"), "is missing", "write the RFC 6902 operations to apply");
            } else {
                checkJsonPatch(patch.patch(), YamlPath.field(path, "patch"), problems);
            }
        }
    }

    /** kind splits a patch on "---" lines and matches each document to a kubeadm document by kind. */
    private static void checkMergePatch(String patch, String path, Problems problems) {
        List<YamlValue> documents;
        try {
            documents = YamlReader.readPatch(patch);
        } catch (YamlReader.SyntaxError e) {
            problems.add(path, "is not valid YAML" + e.describe(" of the patch"),
                    e.fixOr("fix the patch's YAML there"));
            return;
        }
        if (documents.isEmpty()) {
            problems.add(path, "is empty", "write the patch, or remove the entry");
        }
        for (YamlValue document : documents) {
            if (!(document instanceof Mapping mapping)) {
                problems.add(path, "is not a YAML mapping", "write the fields to change as field: value lines");
            } else if (!(mapping.entries().get("kind") instanceof Scalar kind) || kind.isNull()) {
                problems.add(path, "has no kind, so it would patch nothing", "add kind: " + KUBEADM_KINDS);
            }
        }
    }

    private static void checkJsonPatch(String patch, String path, Problems problems) {
        for (String problem : JsonPatchSyntax.problems(patch)) {
            problems.add(path, problem, JSON_PATCH_FIX);
        }
    }
}
