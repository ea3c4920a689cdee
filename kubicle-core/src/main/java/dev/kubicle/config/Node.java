package dev.kubicle.config;

import java.util.List;
import java.util.Map;

/**
 * One node of the cluster, as kind's v1alpha4 {@code Node}: {@code role} is {@code control-plane} or {@code worker}.
 * {@code ip} and {@code resources} are kubicle's own: a static IPv4 address inside {@code networking.subnet}, and the
 * CPU and memory the node may use (null: no limits), and {@code engine}, the name of the cluster's {@code engines}
 * entry the node runs on (null: the cluster has no {@code engines}).
 */
public record Node(
        String role,
        String image,
        Map<String, String> labels,
        List<Mount> extraMounts,
        List<PortMapping> extraPortMappings,
        List<String> kubeadmConfigPatches,
        List<PatchJson6902> kubeadmConfigPatchesJSON6902,
        String ip,
        NodeResources resources,
        String engine) {

    /** A node on the engine kubicle connects to. */
    public Node(String role, String image, Map<String, String> labels, List<Mount> extraMounts,
            List<PortMapping> extraPortMappings, List<String> kubeadmConfigPatches,
            List<PatchJson6902> kubeadmConfigPatchesJSON6902, String ip, NodeResources resources) {
        this(role, image, labels, extraMounts, extraPortMappings, kubeadmConfigPatches, kubeadmConfigPatchesJSON6902,
                ip, resources, null);
    }
}
