package dev.kubicle.config;

import java.util.List;
import java.util.Map;

/**
 * A cluster config file as the user wrote it: kind's {@code kind: Cluster} of {@code kind.x-k8s.io/v1alpha4}, or
 * kubicle's superset of it under {@code kubicle.dev/v1alpha1} (which adds {@code engines}, the engines the nodes are
 * spread over, among others). Fields the user left out are null here;
 * {@link ConfigDefaults} fills them in.
 */
public record Cluster(
        String kind,
        String apiVersion,
        String name,
        Map<String, Boolean> featureGates,
        Map<String, String> runtimeConfig,
        Networking networking,
        List<Node> nodes,
        List<String> kubeadmConfigPatches,
        List<PatchJson6902> kubeadmConfigPatchesJSON6902,
        List<String> containerdConfigPatches,
        List<String> containerdConfigPatchesJSON6902,
        List<Engine> engines) {
    /** The apiVersion of kubicle's own schema, a superset of kind's. */
    public static final String KUBICLE_API_VERSION = "kubicle.dev/v1alpha1";

    /** A config without {@code engines}: every node on the one engine kubicle connects to. */
    public Cluster(String kind, String apiVersion, String name, Map<String, Boolean> featureGates,
            Map<String, String> runtimeConfig, Networking networking, List<Node> nodes,
            List<String> kubeadmConfigPatches, List<PatchJson6902> kubeadmConfigPatchesJSON6902,
            List<String> containerdConfigPatches, List<String> containerdConfigPatchesJSON6902) {
        this(kind, apiVersion, name, featureGates, runtimeConfig, networking, nodes, kubeadmConfigPatches,
                kubeadmConfigPatchesJSON6902, containerdConfigPatches, containerdConfigPatchesJSON6902, null);
    }

    /** Whether the nodes are spread over several engines named in {@code engines}. */
    public boolean spreadOverEngines() {
        return engines != null && !engines.isEmpty();
    }
}
