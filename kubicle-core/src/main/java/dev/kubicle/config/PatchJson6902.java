package dev.kubicle.config;

/** An RFC 6902 JSON patch aimed at one kubeadm config document, chosen by group, version and kind. */
public record PatchJson6902(
        String group,
        String version,
        String kind,
        String patch) {
}
