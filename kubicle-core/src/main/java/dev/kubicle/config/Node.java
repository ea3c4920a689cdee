package dev.kubicle.config;

import java.util.List;
import java.util.Map;

/**
 * One node of the cluster, as kind's v1alpha4 {@code Node}: {@code role} is {@code control-plane} or {@code worker}.
 * {@code ip} and {@code resources} are kubicle's own: a static IPv4 address inside {@code networking.subnet}, and the
 * CPU and memory the node may use (null: no limits).
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
        NodeResources resources) {
}
