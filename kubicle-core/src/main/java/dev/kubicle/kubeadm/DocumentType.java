package dev.kubicle.kubeadm;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The group, version and kind of a config document, from its {@code apiVersion} and {@code kind}, which is what a
 * patch is matched on. The core group is the empty string.
 */
record DocumentType(String group, String version, String kind) {

    static DocumentType of(JsonNode document) {
        String apiVersion = document.path("apiVersion").asText("");
        int slash = apiVersion.lastIndexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        return new DocumentType(group, apiVersion.substring(slash + 1), document.path("kind").asText(""));
    }

    /**
     * Whether a merge patch of this type applies to {@code document}: the kinds must match and, when the patch names
     * an apiVersion, the groups. Unlike kind, the version may differ, because kubicle switches to kubeadm's v1beta4
     * at Kubernetes 1.31 where kind waits for 1.36: a patch written for kind's v1beta3 must still apply.
     */
    boolean mergeTargets(DocumentType document) {
        return kind.equals(document.kind) && (version.isEmpty() || group.equals(document.group));
    }

    /**
     * Whether a JSON6902 patch of this type applies to {@code document}: the kinds must match, and group and version
     * too where the patch names them. Paths differ between versions, so a version the patch names is kept to.
     */
    boolean jsonPatchTargets(DocumentType document) {
        return kind.equals(document.kind)
                && (group.isEmpty() || group.equals(document.group))
                && (version.isEmpty() || version.equals(document.version));
    }

    String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }
}
