package dev.kubicle.kubeadm;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes one node's kubeadm config file (kind writes it to {@code /kind/kubeadm.conf}): ClusterConfiguration,
 * InitConfiguration on the bootstrap control plane or JoinConfiguration elsewhere, KubeletConfiguration and, unless
 * kube-proxy is off, KubeProxyConfiguration. kubeadm's API version follows the node's Kubernetes version: v1beta4
 * from 1.31 on, v1beta3 before.
 *
 * <p>The node that runs {@code kubeadm init} must run it with {@code --upload-certs} when other control planes will
 * join: they fetch the cluster's keys with the input's certificate key.
 */
public final class KubeadmConfigRenderer {
    private KubeadmConfigRenderer() {
    }

    /** The config as kubicle makes it, before the user's patches. */
    public static String render(KubeadmConfigInput input) {
        return KubeadmYaml.write(documents(input));
    }

    /**
     * The config with the user's patches applied, level by level in the order given (see
     * {@link KubeadmPatches#forNode}).
     *
     * @throws dev.kubicle.KubicleException with exit code INVALID_INPUT when a patch does not apply
     */
    public static String render(KubeadmConfigInput input, List<KubeadmPatches> patches) {
        List<ObjectNode> documents = documents(input);
        KubeadmPatcher.applyTo(documents, patches, input.nodeName());
        return KubeadmYaml.write(documents);
    }

    private static List<ObjectNode> documents(KubeadmConfigInput input) {
        KubernetesVersion kubernetes = KubernetesVersion.parse(input.kubernetesVersion());
        KubeadmApiVersion api = KubeadmApiVersion.forKubernetes(kubernetes);
        List<ObjectNode> trees = new ArrayList<>();
        for (Object document : KubeadmDocuments.of(input, kubernetes, api)) {
            trees.add(KubeadmYaml.toTree(document, api));
        }
        return trees;
    }
}
