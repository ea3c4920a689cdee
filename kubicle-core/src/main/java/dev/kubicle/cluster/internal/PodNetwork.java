package dev.kubicle.cluster.internal;

import dev.kubicle.cluster.internal.kubeadm.Kubectl;
import dev.kubicle.provider.ExecResult;

import java.util.List;
import java.util.Optional;

/**
 * kubicle's pod network as a running cluster shows it, asked through kubectl on a control plane, and the one place
 * that writes a node's CNI config before its kubelet starts.
 */
public final class PodNetwork {
    private static final String POD_SUBNET = "{.spec.template.spec.containers[0].env[?(@.name==\"POD_SUBNET\")]"
            + ".value}";
    private static final String SERVICE_CIDRS = "{range .items[*]}{range .spec.cidrs[*]}{@}{\",\"}{end}{end}";
    /** Name, pod CIDRs and InternalIPs of each node, the lists comma-separated, so a field not set yet is empty. */
    private static final String NODES = "{range .items[*]}{.metadata.name}"
            + "{\"|\"}{range .spec.podCIDRs[*]}{@}{\",\"}{end}"
            + "{\"|\"}{range .status.addresses[?(@.type==\"InternalIP\")]}{.address}{\",\"}{end}{\"\\n\"}{end}";

    /**
     * One Node object's part in the pod network.
     *
     * @param podCidr empty until the node has one; on a dual-stack cluster one of each family, comma-separated
     * @param address empty until the node reports one; on a dual-stack cluster one of each family, comma-separated
     */
    public record NodeRange(String node, String podCidr, String address) {
        public boolean routable() {
            return !podCidr.isEmpty() && !address.isEmpty();
        }
    }

    private PodNetwork() {
    }

    /** The pod subnet of kubicle's pod network (the kubicle-cni DaemonSet's), or empty where another CNI runs. */
    public static Optional<String> kubicleSubnet(NodeCommands commands, String controlPlane) {
        ExecResult subnet = commands.attempt(controlPlane, Kubectl.command("get", "daemonset", "kubicle-cni",
                "--namespace", "kube-system", "-o", "jsonpath=" + POD_SUBNET));
        return subnet.ok() && !subnet.stdout().isBlank() ? Optional.of(subnet.stdout().strip()) : Optional.empty();
    }

    /**
     * The cluster's Service ranges (its ServiceCIDR objects), comma-separated; empty where the API has none
     * (Kubernetes before 1.33) or cannot say.
     */
    public static String serviceSubnets(NodeCommands commands, String controlPlane) {
        ExecResult subnets = commands.attempt(controlPlane, Kubectl.command("get", "servicecidrs", "-o",
                "jsonpath=" + SERVICE_CIDRS));
        return subnets.ok() ? subnets.stdout().strip().replaceAll(",$", "") : "";
    }

    /** Every Node object with its pod CIDR and address. */
    public static List<NodeRange> nodes(NodeCommands commands, String controlPlane) {
        return commands.run(controlPlane, Kubectl.command("get", "nodes", "-o", "jsonpath=" + NODES)).lines()
                .map(PodNetwork::nodeRange)
                .filter(range -> !range.node().isEmpty())
                .toList();
    }

    /** A line of {@link #NODES}: each list ends in a comma, which goes. */
    static NodeRange nodeRange(String line) {
        String[] fields = (line.strip() + "||").split("\\|", -1);
        return new NodeRange(fields[0], fields[1].replaceAll(",$", ""), fields[2].replaceAll(",$", ""));
    }

    /**
     * A kubelet that starts with a CNI config reports its node Ready at registration; without one it waits for the
     * CNI's pod, then up to five seconds for its next runtime check. The DaemonSet's pod later writes the same file
     * from the node's pod CIDR. Images without kubicle's pod network (kind's) lack the tool and are left alone.
     */
    public static void seedCniConfig(NodeCommands commands, String node, String range) {
        commands.run(node, "sh", "-c", "if command -v kubicle-cni-conf >/dev/null; then kubicle-cni-conf \"$1\"; fi",
                "sh", range);
    }
}
