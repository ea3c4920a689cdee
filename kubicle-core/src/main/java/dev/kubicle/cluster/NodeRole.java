package dev.kubicle.cluster;

/** What a node container is for; its label value is the role's name as the config spells it. */
public enum NodeRole {
    CONTROL_PLANE("control-plane"),
    WORKER("worker"),
    LOAD_BALANCER("external-load-balancer");

    private final String label;

    NodeRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static NodeRole fromLabel(String label) {
        for (NodeRole role : values()) {
            if (role.label.equals(label)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown node role " + label);
    }
}
