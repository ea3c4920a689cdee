package dev.kubicle;

/**
 * kubicle's exit codes, named in one place so every command uses them the same way. A library caller finds the same
 * meaning in {@link KubicleException#exitCode()}: {@link #INVALID_INPUT} means fix what you passed in,
 * {@link #UNEXPECTED_STATE} means fix the world (engine, cluster) or try again, {@link #INTERNAL} is a bug to report.
 */
public enum ExitCode {
    /** Success. */
    OK(0),
    /** Something failed that is neither the user's input nor a state they can fix. */
    GENERIC(1),
    /**
     * The user's input (flags, config file, a cluster name already taken, a node or image that is not there) is
     * wrong; the message says which field and how to fix it.
     */
    INVALID_INPUT(2),
    /** The world is not as the command needs it (no engine, no such cluster, a node not booting, kubeadm failing). */
    UNEXPECTED_STATE(3),
    /** A bug in kubicle. */
    INTERNAL(4),
    /** The user interrupted the command (Ctrl-C); 128 + SIGINT like a shell. */
    INTERRUPTED(130);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    /** @return the number a process exits with */
    public int code() {
        return code;
    }
}
