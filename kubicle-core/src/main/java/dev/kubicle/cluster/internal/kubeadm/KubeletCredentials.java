package dev.kubicle.cluster.internal.kubeadm;

import dev.kubicle.cluster.internal.NodeCommands;

/**
 * A joining node's kubelet credentials, issued from the cluster's CA on a control plane and put where the kubelet
 * would write them after its TLS bootstrap. Without them the kubelet asks for a certificate with a CSR and waits for
 * the controller manager to approve and sign it: some three seconds of every join, spent after the kubelet is
 * already healthy. With them kubeadm join finds the kubelet's kubeconfig at once and is done. kubeadm init gives the
 * first control plane's kubelet its certificate the same way; the kubelet later renews it through the usual CSRs.
 */
public final class KubeletCredentials {
    public static final String KUBELET_CONF = "/etc/kubernetes/kubelet.conf";

    private KubeletCredentials() {
    }

    /**
     * @param controlPlane a control plane holding the CA's key and a kubeadm config naming the cluster's endpoint
     * @param config       the path of that config on it
     */
    public static void place(NodeCommands commands, String controlPlane, String config, String node) {
        String kubeconfig = commands.run(controlPlane, "kubeadm", "kubeconfig", "user", "--config=" + config,
                "--client-name=system:node:" + node, "--org=system:nodes");
        // Written from inside: /etc/kubernetes is a mount of the node's own, which a copy through the engine misses.
        commands.runWithInput(node, kubeconfig, "sh", "-c", "umask 077 && cat >" + KUBELET_CONF);
    }
}
