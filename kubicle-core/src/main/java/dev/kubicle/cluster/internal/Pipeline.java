package dev.kubicle.cluster.internal;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.progress.Progress;

import java.util.List;

/** Runs actions in order, each as one progress step, stopping at the first failure. */
public final class Pipeline {
    private final List<Action> actions;

    public Pipeline(List<Action> actions) {
        this.actions = List.copyOf(actions);
    }

    public List<Action> actions() {
        return actions;
    }

    public void run(ActionContext context) {
        for (Action action : actions) {
            Progress.Step step = context.progress().startStep(action.title());
            try {
                action.execute(context);
                step.succeed();
            } catch (KubicleException e) {
                step.fail();
                throw e;
            } catch (InterruptedException e) {
                step.fail();
                Thread.currentThread().interrupt();
                throw new KubicleException(ExitCode.INTERRUPTED, "interrupted during \"" + action.title() + "\"", e);
            } catch (Exception e) {
                step.fail();
                throw new KubicleException(ExitCode.GENERIC,
                        "\"" + action.title() + "\" failed: " + e.getMessage(), e);
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new KubicleException(ExitCode.INTERRUPTED, "interrupted after \"" + action.title() + "\"");
            }
        }
    }
}
