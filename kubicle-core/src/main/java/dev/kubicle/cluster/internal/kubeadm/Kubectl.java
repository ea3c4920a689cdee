package dev.kubicle.cluster.internal.kubeadm;

import java.util.ArrayList;
import java.util.List;

/** kubectl as a control-plane node runs it, with the cluster admin's credentials kubeadm wrote there. */
public final class Kubectl {
    public static final String ADMIN_CONF = "/etc/kubernetes/admin.conf";

    private Kubectl() {
    }

    public static String[] command(String... arguments) {
        List<String> command = new ArrayList<>(List.of("kubectl", "--kubeconfig=" + ADMIN_CONF));
        command.addAll(List.of(arguments));
        return command.toArray(String[]::new);
    }
}
