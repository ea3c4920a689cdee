package dev.kubicle.cluster.internal.create;

import dev.kubicle.cluster.internal.Action;
import dev.kubicle.cluster.internal.ActionContext;
import dev.kubicle.cluster.internal.kubeadm.KubeadmRun;
import dev.kubicle.cluster.internal.kubeadm.Kubectl;
import dev.kubicle.cluster.internal.kubeadm.PodRangeAssignment;

/**
 * {@code kubeadm init} on the first control plane. Preflight checks are skipped as kind does: they test a machine,
 * and a node container fails several on purpose (swap, cgroup v1 on newer kubeadms, kernel modules). The phases to
 * skip come from the InitConfiguration's {@code skipPhases} alone, as in kind for kubeadm 1.23 and later: a
 * {@code --skip-phases} flag would replace that list, and with it the kube-proxy addon that
 * {@code kubeProxyMode: none} skips.
 */
public final class KubeadmInitAction implements Action<ActionContext> {

    @Override
    public String title() {
        return "Starting control-plane 🕹️";
    }

    @Override
    public void execute(ActionContext context) {
        boolean otherControlPlanes = context.plan().loadBalancer().isPresent();
        // Control planes that join fetch the cluster's keys, which init uploads encrypted with the config's key.
        // Neither the token nor that key is printed: the output is shown with -v and kept for 'export logs'.
        String arguments = "init --config=" + WriteKubeadmConfigAction.PATH
                + " --skip-token-print --skip-certificate-key-print" + (otherControlPlanes ? " --upload-certs" : "")
                + " --v=2";
        String node = context.plan().bootstrapControlPlane().name();
        KubeadmRun.run(context.commands(), context.progress(), node, "init", arguments);
        context.plan().podRange(context.plan().bootstrapControlPlane())
                .ifPresent(range -> PodRangeAssignment.assign(context.commands(), node, node, range));
        if (context.plan().nodes().size() == 1) {
            // As kind: the only node must run the user's pods, and may stand behind a cloud load balancer.
            context.commands().run(node, Kubectl.command("taint", "nodes", "--all",
                    "node-role.kubernetes.io/control-plane-"));
            context.commands().run(node, Kubectl.command("label", "nodes", "--all",
                    "node.kubernetes.io/exclude-from-external-load-balancers-"));
        }
    }
}
