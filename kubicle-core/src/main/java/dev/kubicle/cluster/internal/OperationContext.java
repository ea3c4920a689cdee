package dev.kubicle.cluster.internal;

import dev.kubicle.progress.Progress;

/** What a pipeline needs of any operation's context: where its steps are shown, and threads to run them on. */
public interface OperationContext {
    Progress progress();

    /** The operation's pool: steps that run at once ({@link AtOnceAction}) and work spread over nodes use it. */
    Parallel parallel();
}
