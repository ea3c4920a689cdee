package dev.kubicle.cluster.internal;

/**
 * One named step of an operation such as create, working in that operation's context {@code C}. The pipeline, not the action, shows the step to the user and
 * times it; the action only does its work.
 */
public interface Action<C extends OperationContext> {

    /** The step's title as the user sees it, e.g. "Preparing nodes". */
    String title();

    void execute(C context) throws Exception;
}
