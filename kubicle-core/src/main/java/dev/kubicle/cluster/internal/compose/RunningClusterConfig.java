package dev.kubicle.cluster.internal.compose;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.cluster.ClusterPlan;
import dev.kubicle.cluster.ClusterPlanner;
import dev.kubicle.cluster.Labels;
import dev.kubicle.cluster.NodePlan;
import dev.kubicle.cluster.NodeRole;
import dev.kubicle.cluster.internal.ClusterConfigRecord;
import dev.kubicle.cluster.internal.NodeCommands;
import dev.kubicle.config.Cluster;
import dev.kubicle.config.Networking;
import dev.kubicle.config.Node;
import dev.kubicle.progress.Progress;
import dev.kubicle.provider.NetworkInfo;
import dev.kubicle.provider.NodeInfo;
import dev.kubicle.provider.Provider;

import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The config of a running cluster, for its Compose export: the config its create recorded in the nodes, with what
 * was left to create made fixed as the cluster has it (the network's subnet, the API server's host port, each
 * node's address), so that the Compose project brings the same nodes up at the same addresses.
 */
public final class RunningClusterConfig {

    private RunningClusterConfig() {
    }

    public static Cluster of(Provider provider, Progress progress, String name) {
        List<NodeInfo> containers = provider.listNodes(Labels.ofCluster(name));
        if (containers.isEmpty()) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE, "no cluster named \"" + name
                    + "\"; see 'kubicle get clusters'");
        }
        if (!containers.stream().allMatch(NodeInfo::running)) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE, "cluster \"" + name + "\" is not running; start it"
                    + " first ('kubicle start cluster --name " + name + "'): its addresses are read from its nodes");
        }
        Map<String, NodeInfo> byName = containers.stream()
                .collect(Collectors.toMap(NodeInfo::name, Function.identity()));
        String controlPlane = containers.stream().filter(node -> NodeRole.CONTROL_PLANE.label().equals(
                node.labels().get(Labels.ROLE))).map(NodeInfo::name).min(Comparator.naturalOrder())
                .orElseThrow(() -> new KubicleException(ExitCode.UNEXPECTED_STATE, "cluster \"" + name
                        + "\" has no control-plane node"));
        Cluster recorded = ClusterConfigRecord.read(new NodeCommands(provider, progress), controlPlane)
                .orElseThrow(() -> new KubicleException(ExitCode.UNEXPECTED_STATE, "cluster \"" + name + "\" keeps"
                        + " no record of its config (made by an older kubicle): export its config file with --config"));
        ClusterPlan plan = ClusterPlanner.plan(recorded);
        requireSameNodes(name, plan, byName.keySet());

        Map<Node, String> addresses = new IdentityHashMap<>();
        plan.nodes().forEach(node -> addresses.put(node.config(), byName.get(node.name()).ip()));
        List<Node> nodes = recorded.nodes().stream().map(node -> new Node(node.role(), node.image(), node.labels(),
                node.extraMounts(), node.extraPortMappings(), node.kubeadmConfigPatches(),
                node.kubeadmConfigPatchesJSON6902(), addresses.get(node), node.resources())).toList();
        Networking networking = recorded.networking();
        Networking fixed = new Networking(networking.ipFamily(), networking.apiServerAddress(),
                apiServerPort(byName.get(plan.apiServerPublisher().name())), networking.podSubnet(),
                networking.serviceSubnet(), networking.disableDefaultCNI(), networking.kubeProxyMode(),
                networking.dnsSearch(), subnet(provider, plan.network()));
        return new Cluster(recorded.kind(), Cluster.KUBICLE_API_VERSION, recorded.name(), recorded.featureGates(),
                recorded.runtimeConfig(), fixed, nodes, recorded.kubeadmConfigPatches(),
                recorded.kubeadmConfigPatchesJSON6902(), recorded.containerdConfigPatches(),
                recorded.containerdConfigPatchesJSON6902());
    }

    /** Nodes added or deleted since create are not in the record: the export would bring up another cluster. */
    private static void requireSameNodes(String name, ClusterPlan plan, Set<String> containers) {
        Set<String> planned = new TreeSet<>(plan.nodes().stream().map(NodePlan::name).toList());
        plan.loadBalancer().ifPresent(balancer -> planned.add(balancer.name()));
        if (!planned.equals(new TreeSet<>(containers))) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE, "cluster \"" + name + "\" has nodes "
                    + new TreeSet<>(containers) + " but was created with " + planned + ": export a config file that"
                    + " lists its nodes with --config");
        }
    }

    private static int apiServerPort(NodeInfo publisher) {
        return ClusterPlanner.publishedApiServerPort(publisher).hostPort();
    }

    private static String subnet(Provider provider, String network) {
        return provider.network(network).map(NetworkInfo::subnet).filter(subnet -> !subnet.isEmpty())
                .orElseThrow(() -> new KubicleException(ExitCode.UNEXPECTED_STATE, "network " + network
                        + " is gone or has no IPv4 subnet"));
    }
}
