package dev.kubicle.cluster.internal.ops;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.cluster.Labels;
import dev.kubicle.cluster.NodeRole;
import dev.kubicle.provider.NodeInfo;
import dev.kubicle.provider.Provider;

import java.util.ArrayList;
import java.util.List;

/** The nodes of an existing cluster that an operation acts on. */
public final class NodeSelection {

    private NodeSelection() {
    }

    /** Every container of the cluster, the load balancer included; fails when there is no such cluster. */
    public static List<NodeInfo> allOf(Provider provider, String cluster) {
        List<NodeInfo> nodes = provider.listNodes(Labels.ofCluster(cluster));
        if (nodes.isEmpty()) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE, "there is no cluster named \"" + cluster
                    + "\"; 'kubicle get clusters' lists the clusters there are");
        }
        return nodes;
    }

    /** The Kubernetes nodes (not the load balancer) named, or all of them when none are named. */
    public static List<NodeInfo> kubernetesNodes(Provider provider, String cluster, List<String> requested) {
        List<NodeInfo> nodes = allOf(provider, cluster).stream().filter(NodeSelection::isKubernetesNode).toList();
        return pick(nodes, requested, cluster);
    }

    static boolean isKubernetesNode(NodeInfo node) {
        return !NodeRole.LOAD_BALANCER.label().equals(node.labels().get(Labels.ROLE));
    }

    static List<NodeInfo> pick(List<NodeInfo> nodes, List<String> requested, String cluster) {
        if (requested.isEmpty()) {
            return nodes;
        }
        List<String> names = nodes.stream().map(NodeInfo::name).toList();
        List<String> unknown = requested.stream().filter(name -> !names.contains(name)).distinct().toList();
        if (!unknown.isEmpty()) {
            throw new KubicleException(ExitCode.INVALID_INPUT, (unknown.size() == 1 ? "node " : "nodes ")
                    + String.join(", ", unknown) + (unknown.size() == 1 ? " is" : " are") + " not in cluster \""
                    + cluster + "\"; its nodes are " + String.join(", ", names));
        }
        List<NodeInfo> picked = new ArrayList<>();
        for (NodeInfo node : nodes) {
            if (requested.contains(node.name())) {
                picked.add(node);
            }
        }
        return picked;
    }
}
