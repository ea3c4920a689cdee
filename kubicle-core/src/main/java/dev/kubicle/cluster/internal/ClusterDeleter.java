package dev.kubicle.cluster.internal;

import dev.kubicle.cluster.ClusterPlanner;
import dev.kubicle.cluster.Labels;
import dev.kubicle.provider.NodeInfo;
import dev.kubicle.provider.Provider;

import java.util.List;

/**
 * Removes everything labelled as part of one cluster: containers first (in parallel), then their volumes, then the
 * network. Safe to run on a half-made cluster, and again on one already gone.
 */
public final class ClusterDeleter {
    private final Provider provider;
    private final Parallel parallel;

    public ClusterDeleter(Provider provider, Parallel parallel) {
        this.provider = provider;
        this.parallel = parallel;
    }

    /** @return whether anything of the cluster was found */
    public boolean delete(String cluster) throws InterruptedException {
        List<String> nodes = provider.listNodes(Labels.ofCluster(cluster)).stream().map(NodeInfo::name).toList();
        parallel.forEach(nodes, provider::deleteNode);
        List<String> volumes = provider.volumes(Labels.ofCluster(cluster));
        volumes.forEach(provider::deleteVolume);
        boolean hadNetwork = provider.network(ClusterPlanner.networkName(cluster))
                .filter(network -> cluster.equals(network.labels().get(Labels.CLUSTER)))
                .isPresent();
        if (hadNetwork) {
            provider.deleteNetwork(ClusterPlanner.networkName(cluster));
        }
        return !nodes.isEmpty() || !volumes.isEmpty() || hadNetwork;
    }
}
