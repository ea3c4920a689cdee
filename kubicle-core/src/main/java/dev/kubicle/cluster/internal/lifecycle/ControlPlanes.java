package dev.kubicle.cluster.internal.lifecycle;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.cluster.NodeRole;
import dev.kubicle.provider.NodeInfo;

/** Where an operation on an existing cluster runs kubectl: a running control plane holds the admin kubeconfig. */
public final class ControlPlanes {
    private ControlPlanes() {
    }

    public static String anyRunning(LifecycleContext context) {
        return anyRunningExcept(context, "");
    }

    /**
     * A running control plane other than {@code leaving} (one on its way out of the cluster, or one whose container
     * runs but has not joined yet); the first by name, so that the same one is asked each time.
     */
    public static String anyRunningExcept(LifecycleContext context, String leaving) {
        return LifecycleContext.withRole(context.containers(), NodeRole.CONTROL_PLANE).stream()
                .filter(NodeInfo::running).map(NodeInfo::name).filter(name -> !name.equals(leaving)).sorted()
                .findFirst()
                .orElseThrow(() -> new KubicleException(ExitCode.UNEXPECTED_STATE, "cluster \"" + context.cluster()
                        + "\" has no running control plane" + (leaving.isEmpty() ? "" : " besides " + leaving)
                        + "; start it with 'kubicle start cluster --name " + context.cluster() + "'"));
    }
}
