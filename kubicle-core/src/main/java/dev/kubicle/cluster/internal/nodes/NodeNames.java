package dev.kubicle.cluster.internal.nodes;

import dev.kubicle.cluster.NodeRole;

import java.util.Collection;

/** The name a node added to a running cluster gets, in the shape create gives names. */
final class NodeNames {
    private NodeNames() {
    }

    /**
     * {@code <cluster>-<role>} when no node has it, else {@code <cluster>-<role>N} with the lowest N from 2 that no
     * node has, as create numbers nodes. A name is in use while a container or a recorded volume carries it: the
     * node of a recorded volume comes back under its name when the cluster starts.
     */
    static String next(String cluster, NodeRole role, Collection<String> taken) {
        String base = cluster + "-" + role.label();
        if (!taken.contains(base)) {
            return base;
        }
        for (int index = 2; ; index++) {
            if (!taken.contains(base + index)) {
                return base + index;
            }
        }
    }
}
