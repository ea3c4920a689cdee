package dev.kubicle.kubeadm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.config.PatchJson6902;
import dev.kubicle.json.Json;
import dev.kubicle.json.JsonPatch;
import dev.kubicle.json.PatchFailure;
import dev.kubicle.json.YamlTrees;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Applies the user's kubeadm patches to one node's config documents, level by level (the cluster's, then the
 * node's), and within a level the merge patches before the JSON6902 ones, as kind does. A patch applies to every
 * document it targets ({@link DocumentType}) and is skipped where it targets none, such as a JoinConfiguration patch
 * on the node that runs {@code kubeadm init}.
 */
public final class KubeadmPatcher {
    private static final String KINDS = "ClusterConfiguration, InitConfiguration, JoinConfiguration,"
            + " KubeletConfiguration or KubeProxyConfiguration";

    private KubeadmPatcher() {
    }

    /**
     * The patched kubeadm config.
     *
     * @param kubeadmConfig a YAML stream of kubeadm config documents, as {@link KubeadmConfigRenderer} writes
     * @param nodeName      the node the config is for, named in errors
     * @throws KubicleException with {@link ExitCode#INVALID_INPUT} naming the patch that failed, why, and what to do
     */
    public static String apply(String kubeadmConfig, List<KubeadmPatches> patches, String nodeName) {
        List<ObjectNode> documents = new ArrayList<>();
        List<JsonNode> rendered;
        try {
            rendered = YamlTrees.readAll(kubeadmConfig);
        } catch (PatchFailure e) {
            throw new IllegalArgumentException("the kubeadm config " + e.problem(), e);
        }
        for (JsonNode document : rendered) {
            if (!(document instanceof ObjectNode mapping)) {
                throw new IllegalArgumentException("a kubeadm config document is " + Json.describe(document));
            }
            documents.add(mapping);
        }
        applyTo(documents, patches, nodeName);
        return KubeadmYaml.write(documents);
    }

    /** Patches {@code documents} in place. */
    static void applyTo(List<ObjectNode> documents, List<KubeadmPatches> patches, String nodeName) {
        List<PatchJson6902> allJsonPatches = patches.stream().flatMap(level -> level.jsonPatches().stream()).toList();
        for (KubeadmPatches level : patches) {
            for (int i = 0; i < level.mergePatches().size(); i++) {
                applyMergePatch(documents, level.mergePatches().get(i), level.mergePatchPath(i), nodeName);
            }
            for (int i = 0; i < level.jsonPatches().size(); i++) {
                applyJsonPatch(documents, level.jsonPatches().get(i), level.jsonPatchPath(i), allJsonPatches,
                        nodeName);
            }
        }
    }

    /** A merge patch may hold several documents, separated by {@code ---}, each aimed at a kind. */
    private static void applyMergePatch(List<ObjectNode> documents, String text, String where, String nodeName) {
        List<JsonNode> patchDocuments = parse(() -> YamlTrees.readAll(text), where);
        for (int i = 0; i < patchDocuments.size(); i++) {
            String which = patchDocuments.size() == 1 ? where : where + " document " + (i + 1);
            if (!(patchDocuments.get(i) instanceof ObjectNode patch)) {
                throw invalid(which, "is " + Json.describe(patchDocuments.get(i)) + ", not a mapping",
                        "write the fields to change as field: value lines under a kind: line");
            }
            DocumentType type = DocumentType.of(patch);
            if (type.kind().isEmpty()) {
                throw invalid(which, "has no kind, so it would patch nothing", "add kind: " + KINDS);
            }
            for (ObjectNode document : documents) {
                if (type.mergeTargets(DocumentType.of(document))) {
                    try {
                        MergePatch.apply(document, patch);
                    } catch (PatchFailure e) {
                        throw invalid(which + " (" + type.kind() + ", node " + nodeName + ")", e);
                    }
                }
            }
        }
    }

    private static void applyJsonPatch(List<ObjectNode> documents, PatchJson6902 patch, String where,
            List<PatchJson6902> allJsonPatches, String nodeName) {
        DocumentType type = typeOf(patch);
        if (type.kind().isEmpty()) {
            throw invalid(where + ".kind", "is missing", "name the kubeadm kind to patch: " + KINDS);
        }
        JsonPatch operations = parse(() -> JsonPatch.parse(patch.patch() == null ? "" : patch.patch(),
                "the rendered kubeadm config"),
                where + ".patch");
        for (int i = 0; i < documents.size(); i++) {
            DocumentType target = DocumentType.of(documents.get(i));
            String which = where + " (" + target.kind() + ", node " + nodeName + ")";
            if (missesOnVersionOnly(type, target, allJsonPatches)) {
                throw invalid(which, "targets " + type.apiVersion() + ", but this node's " + target.kind() + " is "
                        + target.apiVersion(), "write the patch for version " + target.version()
                        + " (from Kubernetes 1.31 on, kubicle writes kubeadm.k8s.io/v1beta4, whose extraArgs are"
                        + " lists of name/value), or add a second patch for that version");
            }
            if (!type.jsonPatchTargets(target)) {
                continue;
            }
            JsonNode patched;
            try {
                patched = operations.applyTo(documents.get(i));
            } catch (PatchFailure e) {
                throw invalid(which, e);
            }
            if (!(patched instanceof ObjectNode mapping)) {
                throw invalid(which, "leaves the document " + Json.describe(patched) + ", not a mapping",
                        "patch fields inside the document rather than the whole of it");
            }
            documents.set(i, mapping);
        }
    }

    /**
     * A patch that names another version of a document this node has, while no patch is written for the version the
     * node has: most likely written for kind, which keeps kubeadm's v1beta3 up to Kubernetes 1.35. Skipping it
     * silently would leave the cluster without the user's change; a config that carries patches for both versions
     * (to work with both tools) still passes.
     */
    private static boolean missesOnVersionOnly(DocumentType patch, DocumentType document,
            List<PatchJson6902> allJsonPatches) {
        boolean otherVersion = !patch.version().isEmpty() && !patch.version().equals(document.version())
                && patch.kind().equals(document.kind())
                && (patch.group().isEmpty() || patch.group().equals(document.group()));
        return otherVersion && allJsonPatches.stream()
                .map(KubeadmPatcher::typeOf)
                .noneMatch(other -> !other.version().isEmpty() && other.jsonPatchTargets(document));
    }

    private static DocumentType typeOf(PatchJson6902 patch) {
        return new DocumentType(orEmpty(patch.group()), orEmpty(patch.version()), orEmpty(patch.kind()));
    }

    private static <T> T parse(Supplier<T> parser, String where) {
        try {
            return parser.get();
        } catch (PatchFailure e) {
            throw invalid(where, e);
        }
    }

    private static KubicleException invalid(String which, PatchFailure failure) {
        return invalid(which, failure.problem(), failure.fix());
    }

    private static KubicleException invalid(String which, String problem, String fix) {
        return new KubicleException(ExitCode.INVALID_INPUT, which + ": " + problem + "; " + fix);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
