package dev.kubicle;

/**
 * The one error type kubicle reports to users. Its message is a complete, one-line sentence that says what is
 * wrong, where, and what to do; {@link #exitCode()} tells a command line which of the exit codes in {@link ExitCode}
 * to use.
 */
public class KubicleException extends RuntimeException {
    private final ExitCode exitCode;
    private final String detail;

    public KubicleException(ExitCode exitCode, String message) {
        this(exitCode, message, null, null);
    }

    public KubicleException(ExitCode exitCode, String message, Throwable cause) {
        this(exitCode, message, null, cause);
    }

    /**
     * @param detail output captured from a failed command (shown above the message, like kind does), or null
     */
    public KubicleException(ExitCode exitCode, String message, String detail, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
        this.detail = detail;
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    /** Output captured from a failed command, or an empty string. */
    public String detail() {
        return detail == null ? "" : detail;
    }
}
