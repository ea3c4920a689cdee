package dev.kubicle.cluster.internal;

import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

/**
 * Runs steps that need nothing of each other at the same time, shown as one step: a start routes pods between the
 * nodes while it waits for their kubelets, and a create joins its workers while it applies the default manifests,
 * since each pair only needs the API server. The first failure ends the others and is reported as that step's own.
 * Its title joins the steps' own ("Routing pods between nodes and waiting ...").
 */
public final class AtOnceAction<C extends OperationContext> implements Action<C> {
    private final List<Action<C>> steps;

    public AtOnceAction(List<? extends Action<C>> steps) {
        this.steps = List.copyOf(steps);
    }

    @Override
    public String title() {
        String first = steps.get(0).title();
        return first + steps.stream().skip(1).map(step -> " and " + lowerFirst(step.title()))
                .collect(Collectors.joining());
    }

    private static String lowerFirst(String title) {
        return Character.toLowerCase(title.charAt(0)) + title.substring(1);
    }

    @Override
    public void execute(C context) throws Exception {
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
