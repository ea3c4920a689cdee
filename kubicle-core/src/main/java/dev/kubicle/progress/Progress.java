package dev.kubicle.progress;

/**
 * How long work tells the user where it is: kind-style steps that tick when done, plus details (the commands run in
 * nodes) that only a verbose run shows. Implementations are thread-safe: actions report from worker threads.
 */
public interface Progress {

    /** A headline such as {@code Creating cluster "kubicle" ...}. */
    void headline(String text);

    /** Starts a step; the caller ends it with {@link Step#succeed()} or {@link Step#fail()}. */
    Step startStep(String title);

    /** A detail line, shown with -v only. */
    void detail(String text);

    /**
     * What the running step is doing now, such as "building kubelet (2 of 11)", so that a long step shows it moves:
     * on a terminal beside the step's spinner, in a log as a line (not more than one every few seconds), repeated
     * with its time so far when the log has been silent for a while.
     */
    void activity(String text);

    /** A closing line shown after the steps (the hint after a create, say). */
    void note(String text);

    /** Something the user asked for that works but may hurt them, such as an API server open to the network. */
    void warning(String text);

    /** A progress that shows nothing, for library callers who want silence. */
    static Progress silent() {
        return SilentProgress.INSTANCE;
    }

    /** One step of a long operation. */
    interface Step {
        void succeed();

        void fail();
    }
}
