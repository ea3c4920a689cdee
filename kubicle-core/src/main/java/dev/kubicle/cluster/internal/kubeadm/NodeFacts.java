package dev.kubicle.cluster.internal.kubeadm;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.cluster.internal.NodeCommands;
import dev.kubicle.config.IpFamilies;
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

    /**
     * The node's addresses on the cluster network for its kubelet and kubeadm: the one of the cluster's IP family,
     * or for dual stack both, comma-separated, IPv4 first.
     */
    public static String ip(Provider provider, String node, String ipFamily) {
        NodeInfo info = provider.inspectNode(node).orElseThrow(() -> noAddress(node, "the cluster network"));
        if (IpFamilies.usesIpv6(ipFamily) && info.ipv6().isEmpty()) {
            throw noAddress(node, "the cluster network's IPv6 subnet");
        }
        if (!ipFamily.equals("ipv6") && info.ip().isEmpty()) {
            throw noAddress(node, "the cluster network");
        }
        return IpFamilies.nodeIps(ipFamily, info.ip(), info.ipv6());
    }

    private static KubicleException noAddress(String node, String where) {
        return new KubicleException(ExitCode.UNEXPECTED_STATE, "node " + node + " has no address on " + where
                + "; is it running?");
    }
}
