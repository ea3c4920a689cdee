package dev.kubicle.cluster.internal.kubeadm;

import dev.kubicle.cluster.internal.NodeCommands;

/**
 * The kubeconfig a joining node discovers the cluster from: the API server's address and the CA that signed its
 * certificate, and a user without credentials (kubeadm wants one named; the join authenticates with the bootstrap
 * token).
 */
public final class DiscoveryKubeconfig {
    private static final String CA = "/etc/kubernetes/pki/ca.crt";

    private DiscoveryKubeconfig() {
    }

    /** Reads the cluster's CA from a control plane that has run {@code kubeadm init}. */
    public static String of(NodeCommands commands, String controlPlane, String controlPlaneEndpoint) {
        return render(controlPlaneEndpoint, commands.run(controlPlane, "base64", "-w0", CA).strip());
    }

    static String render(String controlPlaneEndpoint, String caBase64) {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: cluster
                  cluster:
                    server: https://%s
                    certificate-authority-data: %s
                users:
                - name: nobody
                  user: {}
                contexts:
                - name: discovery
                  context:
                    cluster: cluster
                    user: nobody
                current-context: discovery
                """.formatted(controlPlaneEndpoint, caBase64);
    }
}
