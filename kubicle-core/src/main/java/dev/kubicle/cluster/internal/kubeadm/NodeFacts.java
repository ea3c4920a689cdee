package dev.kubicle.cluster.internal.kubeadm;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.cluster.internal.NodeCommands;
import dev.kubicle.provider.NodeInfo;
import dev.kubicle.provider.Provider;

/** What a node tells about itself that its kubeadm config depends on. */
public final class NodeFacts {
    private NodeFacts() {
    }

    /** The Kubernetes version of the node image, from /kind/version as kind's images carry it. */
    public static String kubernetesVersion(NodeCommands commands, String node) {
        String version = commands.attempt(node, "cat", "/kind/version").stdout().strip();
        if (!version.startsWith("v")) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE, "node " + node + " has no Kubernetes version in "
                    + "/kind/version: its image is not a Kubernetes node image; use the default image or one "
                    + "'kubicle build node-image' makes");
        }
        return version;
    }

    /** Whether the node sees cgroup v1, which newer kubelets must be told to accept. */
    public static boolean cgroupV1(NodeCommands commands, String node) {
        return !commands.attempt(node, "test", "-f", "/sys/fs/cgroup/cgroup.controllers").ok();
    }

    public static String ip(Provider provider, String node) {
        return provider.inspectNode(node).map(NodeInfo::ip).filter(ip -> !ip.isEmpty())
                .orElseThrow(() -> new KubicleException(ExitCode.UNEXPECTED_STATE,
                        "node " + node + " has no address on the cluster network; is it running?"));
    }
}
