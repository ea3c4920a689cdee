package dev.kubicle.kubeadm;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;

/**
 * The version of kubeadm's config API that a Kubernetes version gets. Both are rendered from the same typed model;
 * they differ, for what kubicle writes, only in how component arguments are spelled.
 */
enum KubeadmApiVersion {
    /** kubeadm 1.22 and later read it; below v1.23 kind would still use v1beta2, which kubicle does not write. */
    V1BETA3("v1beta3", false, null),
    /**
     * New in kubeadm 1.31: {@code extraArgs} became lists of name/value pairs, so an argument may repeat, the key
     * algorithm became a field, and control-plane components got {@code extraEnvs}.
     */
    V1BETA4("v1beta4", true, "ECDSA-P256");

    static final String GROUP = "kubeadm.k8s.io";

    private final String version;
    private final boolean argsAsList;
    private final String fastKeyAlgorithm;

    KubeadmApiVersion(String version, boolean argsAsList, String fastKeyAlgorithm) {
        this.version = version;
        this.argsAsList = argsAsList;
        this.fastKeyAlgorithm = fastKeyAlgorithm;
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

    /** Whether control-plane components take environment variables ({@code extraEnvs}); new with the list form. */
    boolean componentEnvs() {
        return argsAsList;
    }

    /**
     * The {@code encryptionAlgorithm} for the cluster's keys, or null where the field does not exist. ECDSA P-256:
     * kubeadm makes about twenty keys (CAs, serving and client certificates, kubeconfigs), and an RSA-2048 key costs
     * up to a few hundred milliseconds on a small machine, an ECDSA one well under one; every Kubernetes component
     * and kubectl accept either.
     */
    String fastKeyAlgorithm() {
        return fastKeyAlgorithm;
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
