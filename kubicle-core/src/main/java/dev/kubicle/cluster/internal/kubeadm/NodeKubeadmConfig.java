package dev.kubicle.cluster.internal.kubeadm;

import dev.kubicle.cluster.ClusterPlan;
import dev.kubicle.cluster.NodePlan;
import dev.kubicle.kubeadm.JoinSecrets;
import dev.kubicle.kubeadm.KubeadmConfigInput;
import dev.kubicle.kubeadm.KubeadmConfigRenderer;
import dev.kubicle.kubeadm.KubeadmPatches;

/**
 * One node's kubeadm config, with the cluster's and the node's patches: init for the bootstrap control plane, join
 * for the others. The same for a cluster kubicle creates and one it exports for Compose.
 */
public final class NodeKubeadmConfig {
    private NodeKubeadmConfig() {
    }

    /**
     * @param ip       the node's address(es) on the cluster network, as {@link NodeFacts#ip} gives them
     * @param cgroupV1 whether the engine's host runs cgroup v1
     */
    public static String render(ClusterPlan plan, NodePlan node, String ip, String kubernetesVersion,
            boolean cgroupV1, JoinSecrets secrets) {
        KubeadmConfigInput input = KubeadmConfigInput.forNode(plan.config(), node.config(), node.name(), ip,
                node == plan.bootstrapControlPlane(), kubernetesVersion, plan.controlPlaneEndpoint(), cgroupV1,
                secrets);
        return KubeadmConfigRenderer.render(input,
                KubeadmPatches.forNode(plan.config(), node.config(), plan.nodes().indexOf(node)));
    }
}
