package dev.kubicle.cluster.internal.nodes;

import dev.kubicle.cluster.internal.Action;
import dev.kubicle.cluster.internal.lifecycle.LifecycleContext;

/** Makes the node's container at its address on the cluster's network, its spec recorded on its volume. */
final class RunNodeAction implements Action<LifecycleContext> {
    private final NodeAddition addition;

    RunNodeAction(NodeAddition addition) {
        this.addition = addition;
    }

    @Override
    public String title() {
        return "Preparing node 📦";
    }

    @Override
    public void execute(LifecycleContext context) {
        context.progress().detail("node " + addition.name() + " at " + addition.node().ip().orElseThrow() + " from "
                + addition.node().image());
        context.provider().runNode(addition.spec());
        context.progress().detail("node containers run " + context.provider().nodePrivileges().describe());
    }
}
