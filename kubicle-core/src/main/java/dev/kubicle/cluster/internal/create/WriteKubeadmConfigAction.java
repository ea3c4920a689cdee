package dev.kubicle.cluster.internal.create;

import dev.kubicle.cluster.ClusterPlan;
import dev.kubicle.cluster.NodePlan;
import dev.kubicle.cluster.internal.Action;
import dev.kubicle.cluster.internal.ActionContext;
import dev.kubicle.cluster.internal.kubeadm.NodeFacts;
import dev.kubicle.kubeadm.KubeadmConfigInput;
import dev.kubicle.kubeadm.KubeadmConfigRenderer;
import dev.kubicle.kubeadm.KubeadmPatches;

import java.nio.charset.StandardCharsets;

/**
 * Renders each node's kubeadm config (with the user's patches) and writes it to {@link #PATH}, where kind's images
 * and tools expect it. The Kubernetes version and the host's cgroup version are read from the bootstrap node once.
 */
public final class WriteKubeadmConfigAction implements Action {
    public static final String PATH = "/kind/kubeadm.conf";

    @Override
    public String title() {
        return "Writing configuration 📜";
    }

    @Override
    public void execute(ActionContext context) throws InterruptedException {
        ClusterPlan plan = context.plan();
        NodePlan bootstrap = plan.bootstrapControlPlane();
        String version = NodeFacts.kubernetesVersion(context.commands(), bootstrap.name());
        boolean cgroupV1 = NodeFacts.cgroupV1(context.commands(), bootstrap.name());
        String endpoint = plan.controlPlaneEndpoint();
        String certificateKey = KubeadmConfigInput.newCertificateKey();
        context.progress().detail("Kubernetes " + version + (cgroupV1 ? " on cgroup v1" : " on cgroup v2"));
        context.parallel().forEach(plan.nodes(), node -> {
            String ip = NodeFacts.ip(context.provider(), node.name());
            KubeadmConfigInput input = KubeadmConfigInput.forNode(plan.config(), node.config(), node.name(), ip,
                    node == bootstrap, version, endpoint, cgroupV1, certificateKey);
            String config = KubeadmConfigRenderer.render(input,
                    KubeadmPatches.forNode(plan.config(), node.config(), plan.nodes().indexOf(node)));
            context.provider().writeFile(node.name(), PATH, config.getBytes(StandardCharsets.UTF_8), 0644);
        });
    }
}
