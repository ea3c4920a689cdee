package dev.kubicle.cluster.internal;

import dev.kubicle.progress.Progress;

/** What a pipeline needs of any operation's context: where its steps are shown. */
public interface OperationContext {
    Progress progress();
}
