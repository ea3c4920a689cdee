package dev.kubicle.bench.results;

import com.fasterxml.jackson.annotation.JsonValue;

/** What one sample measured. */
public enum Scenario {
    /** From the start of {@code create cluster} until the one node is Ready. */
    CREATE_ONE("create-1", "create 1 node, until Ready", 1),
    DELETE_ONE("delete-1", "delete the 1-node cluster", 1),
    /** From the start of {@code create cluster} until the control plane and both workers are Ready. */
    CREATE_THREE("create-3", "create 1 control plane + 2 workers, until Ready", 3),
    /** CPU and memory of each node container during an idle window after the 3-node cluster is Ready. */
    IDLE_THREE("idle-3", "idle 3-node cluster", 3),
    DELETE_THREE("delete-3", "delete the 3-node cluster", 3),
    /** Wall time of the {@code version} command: the CLI's start-up cost. */
    VERSION("version", "`version`", 0);

    private final String id;
    private final String label;
    private final int nodes;

    Scenario(String id, String label, int nodes) {
        this.id = id;
        this.label = label;
        this.nodes = nodes;
    }

    /** The name in results files and logs. */
    @JsonValue
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** Nodes in the scenario's cluster; 0 when it makes none. */
    public int nodes() {
        return nodes;
    }
}
