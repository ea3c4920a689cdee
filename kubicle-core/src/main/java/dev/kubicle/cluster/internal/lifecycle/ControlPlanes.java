package dev.kubicle.cluster.internal.lifecycle;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.cluster.NodeRole;
import dev.kubicle.provider.NodeInfo;

/** Where an operation on an existing cluster runs kubectl: a running control plane holds the admin kubeconfig. */
final class ControlPlanes {
    private ControlPlanes() {
    }

    static String anyRunning(LifecycleContext context) {
        return LifecycleContext.withRole(context.containers(), NodeRole.CONTROL_PLANE).stream()
                .filter(NodeInfo::running).map(NodeInfo::name).findFirst()
                .orElseThrow(() -> new KubicleException(ExitCode.UNEXPECTED_STATE, "cluster \"" + context.cluster()
                        + "\" has no running control plane; start it with 'kubicle start cluster --name "
                        + context.cluster() + "'"));
    }
}
