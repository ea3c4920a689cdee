package dev.kubicle.cluster.internal.nodes;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.cluster.Labels;
import dev.kubicle.cluster.NodeRole;
import dev.kubicle.cluster.internal.lifecycle.LifecycleContext;
import dev.kubicle.provider.NodeInfo;
import dev.kubicle.provider.NodeSpec;
import dev.kubicle.provider.Provider;

import java.util.Map;
import java.util.Optional;

/**
 * Finds the node to remove among the cluster's containers and recorded volumes (a node whose container was removed by
 * hand can be deleted too), refusing what a cluster cannot lose.
 */
final class NodeRemovalPlanner {
    private NodeRemovalPlanner() {
    }

    static NodeRemoval plan(LifecycleContext context, String node) {
        context.requireExists();
        String cluster = context.cluster();
        KnownNodes known = KnownNodes.of(context);
        Optional<NodeInfo> container = known.container(node);
        Optional<NodeSpec> record = known.record(node);
        Map<String, String> labels = container.map(NodeInfo::labels).or(() -> record.map(NodeSpec::labels))
                .orElseThrow(() -> new KubicleException(ExitCode.INVALID_INPUT, "cluster \"" + cluster + "\" has no "
                        + "node named \"" + node + "\"; see 'kubicle get nodes --name " + cluster + "'"));
        NodeRole role = NodeRole.fromLabel(labels.get(Labels.ROLE));
        if (role == NodeRole.LOAD_BALANCER) {
            throw new KubicleException(ExitCode.INVALID_INPUT, node + " is the load balancer of cluster \"" + cluster
                    + "\", not a node; it goes with the cluster ('kubicle delete cluster --name " + cluster + "')");
        }
        if (role == NodeRole.CONTROL_PLANE && known.names(NodeRole.CONTROL_PLANE).size() == 1) {
            throw new KubicleException(ExitCode.INVALID_INPUT, node + " is the last control plane of cluster \""
                    + cluster + "\", which cannot lose it; delete the whole cluster with 'kubicle delete cluster "
                    + "--name " + cluster + "'");
        }
        String address = container.map(NodeInfo::ip).filter(ip -> !ip.isEmpty())
                .or(() -> record.flatMap(NodeSpec::ip)).orElse("");
        String volume = record.map(NodeSpec::varVolume).orElse(node + "-var");
        return new NodeRemoval(cluster, node, role, container.filter(NodeInfo::running).isPresent(), address, volume,
                !known.names(NodeRole.LOAD_BALANCER).isEmpty());
    }

    /** The cluster a node belongs to, from its container's labels or its recorded volume's. */
    static Optional<String> clusterOf(Provider provider, String node) {
        return provider.inspectNode(node).map(info -> info.labels().get(Labels.CLUSTER))
                .or(() -> provider.recordedNodes(Labels.anyCluster()).stream()
                        .filter(spec -> spec.name().equals(node)).map(spec -> spec.labels().get(Labels.CLUSTER))
                        .findFirst())
                .filter(cluster -> cluster != null && !cluster.isEmpty());
    }
}
