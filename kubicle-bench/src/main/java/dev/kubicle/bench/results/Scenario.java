package dev.kubicle.bench.results;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** What one sample measured, in the order a round measures them. */
public enum Scenario {
    /** From the start of {@code create cluster} until the one node is Ready. */
    CREATE_ONE("create-1", "create 1 node, until Ready", 1),
    STOP_ONE("stop-1", "stop the 1-node cluster", 1),
    /** From the start of the start until the node is Ready again, as its kubelet reports after the start. */
    START_ONE("start-1", "start the stopped 1-node cluster, until Ready again", 1),
    DELETE_ONE("delete-1", "delete the 1-node cluster", 1),
    /** From the start of {@code create cluster} until the control plane and both workers are Ready. */
    CREATE_THREE("create-3", "create 1 control plane + 2 workers, until Ready", 3),
    /** CPU and memory of each node container during an idle window after the 3-node cluster is Ready. */
    IDLE_THREE("idle-3", "idle 3-node cluster", 3),
    /**
     * From the start of {@code create node} until the running 3-node cluster has a fourth node and all four are
     * Ready. kind has no command that adds a node to a running cluster.
     */
    CREATE_NODE("create-node", "add a worker to the running 3-node cluster, until Ready", 4, Tool.KUBICLE),
    /** kind has no command that removes a node from a running cluster. */
    DELETE_NODE("delete-node", "delete the added worker", 3, Tool.KUBICLE),
    STOP_THREE("stop-3", "stop the 3-node cluster", 3),
    START_THREE("start-3", "start the stopped 3-node cluster, until Ready again", 3),
    /** Saving the stopped 3-node cluster as a named snapshot (issue 15). kind has no snapshots. */
    SAVE_THREE("save-3", "save the stopped 3-node cluster as a snapshot", 3, Tool.KUBICLE),
    /**
     * From the start of {@code restore snapshot} of the stopped 3-node cluster until every node is Ready again, as
     * its kubelet reports after the restore began.
     */
    RESTORE_THREE("restore-3", "restore the 3-node cluster from its snapshot, until Ready again", 3, Tool.KUBICLE),
    DELETE_THREE("delete-3", "delete the 3-node cluster", 3),
    /** Wall time of the {@code version} command: the CLI's start-up cost. */
    VERSION("version", "`version`", 0);

    private final String id;
    private final String label;
    private final int nodes;
    private final Set<Tool> tools;

    Scenario(String id, String label, int nodes) {
        this(id, label, nodes, Tool.values());
    }

    Scenario(String id, String label, int nodes, Tool... tools) {
        this.id = id;
        this.label = label;
        this.nodes = nodes;
        this.tools = EnumSet.copyOf(List.of(tools));
    }

    /** The name in results files and logs. */
    @JsonValue
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** Nodes in the scenario's cluster when it is done; 0 when it makes none. */
    public int nodes() {
        return nodes;
    }

    /** Whether the tool has a way to do it at all; a tool without one has no samples of it. */
    public boolean possibleWith(Tool tool) {
        return tools.contains(tool);
    }

    /** Whether it starts a stopped cluster (a restore does too): its successful samples are the rounds in which the cluster came back. */
    public boolean startsAgain() {
        return this == START_ONE || this == START_THREE || this == RESTORE_THREE;
    }
}
