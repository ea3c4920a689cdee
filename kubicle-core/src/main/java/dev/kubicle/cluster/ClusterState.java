package dev.kubicle.cluster;

import dev.kubicle.provider.NodeInfo;

import java.util.Collection;
import java.util.List;

/** Whether a cluster's containers run, as {@code get clusters} shows it. */
public enum ClusterState {
    RUNNING("running"),
    STOPPED("stopped"),
    /** Some containers run and others do not (or are gone): a start finishes it, a stop ends it. */
    PARTLY_RUNNING("partly running");

    private final String label;

    ClusterState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** @param recorded how many containers the cluster should have, counting ones removed by hand */
    static ClusterState of(Collection<NodeInfo> containers, int recorded) {
        List<NodeInfo> running = containers.stream().filter(NodeInfo::running).toList();
        if (running.isEmpty()) {
            return STOPPED;
        }
        return running.size() >= Math.max(recorded, containers.size()) ? RUNNING : PARTLY_RUNNING;
    }
}
