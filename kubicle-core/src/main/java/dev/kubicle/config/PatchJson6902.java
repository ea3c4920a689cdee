package dev.kubicle.config;

/**
 * An RFC 6902 JSON patch, in YAML or JSON, aimed at the kubeadm config documents of the given kind (and, when set,
 * group and version), as kind's {@code PatchJSON6902}.
 */
public record PatchJson6902(
        String group,
        String version,
        String kind,
        String patch) {
}
