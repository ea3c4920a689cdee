package dev.kubicle.cluster.internal;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.progress.Progress;

import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.util.List;

/** Runs actions in order, each as one progress step, stopping at the first failure. */
public final class Pipeline<C extends OperationContext> {
    private final List<Action<C>> actions;

    public Pipeline(List<? extends Action<C>> actions) {
        this.actions = List.copyOf(actions);
    }

    public List<Action<C>> actions() {
        return actions;
    }

    public void run(C context) {
        for (Action<C> action : actions) {
            Progress.Step step = context.progress().startStep(action.title());
            try {
                action.execute(context);
                step.succeed();
            } catch (Exception e) {
                step.fail();
                throw asKubicleException(action, e);
            }
            if (Thread.currentThread().isInterrupted()) {
                throw interrupted(action, null);
            }
        }
    }

    private static KubicleException asKubicleException(Action<?> action, Exception failure) {
        if (wasInterrupted(failure)) {
            return interrupted(action, failure);
        }
        if (failure instanceof KubicleException known) {
            return known;
        }
        return new KubicleException(ExitCode.GENERIC, "\"" + action.title() + "\" failed: " + failure.getMessage(),
                failure);
    }

    private static KubicleException interrupted(Action<?> action, Exception cause) {
        Thread.currentThread().interrupt();
        return new KubicleException(ExitCode.INTERRUPTED, "interrupted during \"" + action.title() + "\"", cause);
    }

    /** An interrupt reaches actions in many shapes: the flag, or an I/O call that it cut short. */
    private static boolean wasInterrupted(Throwable failure) {
        if (Thread.currentThread().isInterrupted()) {
            return true;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InterruptedException || cause instanceof ClosedByInterruptException
                    || cause instanceof InterruptedIOException) {
                return true;
            }
        }
        return false;
    }
}
