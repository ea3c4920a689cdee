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
    private static final String NODES = "{range .items[*]}{.metadata.name} {.spec.podCIDR} "
            + "{.status.addresses[?(@.type==\"InternalIP\")].address}{\"\\n\"}{end}";

    /**
     * One Node object's part in the pod network.
     *
     * @param podCidr empty until the node has one
     * @param address empty until the node reports one
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

    /** Every Node object with its pod CIDR and address. */
    public static List<NodeRange> nodes(NodeCommands commands, String controlPlane) {
        return commands.run(controlPlane, Kubectl.command("get", "nodes", "-o", "jsonpath=" + NODES)).lines()
                .map(line -> line.strip().split(" +"))
                .filter(fields -> !fields[0].isEmpty())
                .map(PodNetwork::nodeRange)
                .toList();
    }

    /** A line of {@link #NODES}, where a field not set yet is left out altogether. */
    private static NodeRange nodeRange(String[] fields) {
        if (fields.length >= 3) {
            return new NodeRange(fields[0], fields[1], fields[2]);
        }
        if (fields.length == 2) {
            return fields[1].contains("/") ? new NodeRange(fields[0], fields[1], "")
                    : new NodeRange(fields[0], "", fields[1]);
        }
        return new NodeRange(fields[0], "", "");
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
