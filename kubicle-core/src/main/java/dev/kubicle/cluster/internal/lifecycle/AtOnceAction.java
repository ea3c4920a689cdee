package dev.kubicle.cluster.internal.lifecycle;

import dev.kubicle.cluster.internal.Action;

import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * Runs steps that need nothing of each other at the same time, shown as one step: a start routes pods between the
 * nodes while it waits for their kubelets, since both only need the API server, and the routing (seconds of kubectl
 * and iptables on nodes that have just booted) no longer adds to the wait. The first failure ends the others and is
 * reported as that step's own.
 */
final class AtOnceAction implements Action<LifecycleContext> {
    private final String title;
    private final List<Action<LifecycleContext>> steps;

    AtOnceAction(String title, List<Action<LifecycleContext>> steps) {
        this.title = title;
        this.steps = List.copyOf(steps);
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public void execute(LifecycleContext context) throws Exception {
        try {
            context.parallel().forEach(steps, step -> {
                try {
                    step.execute(context);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            });
        } catch (CompletionException e) {
            throw (Exception) e.getCause();
        }
    }
}
