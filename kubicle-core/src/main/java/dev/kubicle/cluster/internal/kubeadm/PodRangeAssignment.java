package dev.kubicle.cluster.internal.kubeadm;

import dev.kubicle.cluster.internal.NodeCommands;

/**
 * Gives a registered node the pod CIDR kubicle chose for it (see {@code NodePodRanges}), where the controller
 * manager would otherwise allocate one: the CNI's pods route to it, and it is what the node's CNI config already
 * uses. The node object appears a moment after its kubelet starts, so the patch is retried for a while.
 */
public final class PodRangeAssignment {
    private static final String PATCH_UNTIL_REGISTERED = "i=0; while [ $i -lt 150 ]; do "
            + "kubectl --kubeconfig=" + Kubectl.ADMIN_CONF + " patch node \"$1\" --type=merge "
            + "-p \"{\\\"spec\\\":{\\\"podCIDR\\\":\\\"$2\\\",\\\"podCIDRs\\\":[\\\"$2\\\"]}}\" && exit 0; "
            + "i=$((i+1)); sleep 0.2; done; exit 1";

    private PodRangeAssignment() {
    }

    public static void assign(NodeCommands commands, String controlPlane, String node, String range) {
        commands.run(controlPlane, "sh", "-c", PATCH_UNTIL_REGISTERED, "sh", node, range);
    }
}
