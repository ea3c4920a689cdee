package dev.kubicle.kubeadm;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;

/**
 * The version of kubeadm's config API that a Kubernetes version gets. Both are rendered from the same typed model;
 * they differ, for what kubicle writes, only in how component arguments are spelled.
 */
enum KubeadmApiVersion {
    /** kubeadm 1.22 and later read it; below v1.23 kind would still use v1beta2, which kubicle does not write. */
    V1BETA3("v1beta3", false),
    /** New in kubeadm 1.31: {@code extraArgs} became lists of name/value pairs, so an argument may repeat. */
    V1BETA4("v1beta4", true);

    static final String GROUP = "kubeadm.k8s.io";

    private final String version;
    private final boolean argsAsList;

    KubeadmApiVersion(String version, boolean argsAsList) {
        this.version = version;
        this.argsAsList = argsAsList;
    }

    static KubeadmApiVersion forKubernetes(KubernetesVersion kubernetes) {
        if (!kubernetes.atLeast(1, 23)) {
            throw new KubicleException(ExitCode.INVALID_INPUT, "the node image has Kubernetes " + kubernetes
                    + ", older than v1.23, the oldest kubicle can configure; use a node image of v1.23 or later");
        }
        return kubernetes.atLeast(1, 31) ? V1BETA4 : V1BETA3;
    }

    String apiVersion() {
        return GROUP + "/" + version;
    }

    /** Whether {@code extraArgs} and {@code kubeletExtraArgs} are lists of name/value pairs rather than maps. */
    boolean argsAsList() {
        return argsAsList;
    }

    /** The API version of a rendered kubeadm document, or null for documents of other groups. */
    static KubeadmApiVersion of(String apiVersion) {
        for (KubeadmApiVersion candidate : values()) {
            if (candidate.apiVersion().equals(apiVersion)) {
                return candidate;
            }
        }
        return null;
    }
}
