package dev.kubicle.cluster.internal.lifecycle;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.cluster.Labels;
import dev.kubicle.cluster.NodeRole;
import dev.kubicle.cluster.internal.NodeCommands;
import dev.kubicle.cluster.internal.OperationContext;
import dev.kubicle.cluster.internal.Parallel;
import dev.kubicle.progress.Progress;
import dev.kubicle.provider.NodeInfo;
import dev.kubicle.provider.Provider;

import java.util.List;

/**
 * What the actions of an operation on an existing cluster (stop, start, adding and removing a node) share. Nothing
 * is remembered between actions: each asks the engine for the cluster's nodes as they are at that moment, as a
 * second run after an interrupted one must do anyway.
 */
public record LifecycleContext(String cluster, Provider provider, Progress progress, NodeCommands commands,
                               Parallel parallel) implements OperationContext {

    public static LifecycleContext of(String cluster, Provider provider, Progress progress, Parallel parallel) {
        return new LifecycleContext(cluster, provider, progress, new NodeCommands(provider, progress), parallel);
    }

    /** The cluster's containers now, running or not. */
    public List<NodeInfo> containers() {
        return provider.listNodes(Labels.ofCluster(cluster));
    }

    /** A cluster exists while any of its containers, or any record of one, does. */
    public void requireExists() {
        if (containers().isEmpty() && provider.recordedNodes(Labels.ofCluster(cluster)).isEmpty()) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE, "no cluster named \"" + cluster + "\" exists; "
                    + "see 'kubicle get clusters'");
        }
    }

    public static NodeRole role(NodeInfo node) {
        return NodeRole.fromLabel(node.labels().get(Labels.ROLE));
    }

    public static List<NodeInfo> withRole(List<NodeInfo> nodes, NodeRole role) {
        return nodes.stream().filter(node -> role(node) == role).toList();
    }

    /** The cluster's Kubernetes nodes (not its load balancer). */
    public static List<NodeInfo> kubernetesNodes(List<NodeInfo> nodes) {
        return nodes.stream().filter(node -> role(node) != NodeRole.LOAD_BALANCER).toList();
    }
}
