package dev.kubicle.cluster.internal.ops;

import java.util.Set;

/**
 * Files that {@code export logs} leaves out whole, because they are credentials rather than diagnostics: private
 * keys and certificates ({@code /etc/kubernetes/pki}, the kubelet's client certificate), the kubeconfigs holding a
 * client key or token (kubeadm's admin, super-admin, kubelet, controller-manager and scheduler files), and the
 * discovery kubeconfig joins use, which kubeadm allows to carry a token or client key too. Every other file is
 * redacted instead ({@link SecretRedactor}).
 */
final class CredentialFiles {
    private static final Set<String> KUBECONFIGS = Set.of("admin.conf", "super-admin.conf", "kubelet.conf",
            "bootstrap-kubelet.conf", "controller-manager.conf", "scheduler.conf", "discovery.conf");

    private CredentialFiles() {
    }

    /** @param path a path in a node, or an archive entry's name */
    static boolean isCredential(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.endsWith(".key") || name.endsWith(".pem") || KUBECONFIGS.contains(name);
    }
}
