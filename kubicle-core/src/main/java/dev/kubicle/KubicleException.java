package dev.kubicle;

/**
 * The one error type kubicle reports to users. Its message is a complete, one-line sentence that says what is
 * wrong, where, and what to do; {@link #exitCode()} tells a command line which of the exit codes in {@link ExitCode}
 * to use.
 */
public class KubicleException extends RuntimeException {
    /** What kind of failure this is. */
    private final ExitCode exitCode;
    /** Output captured from a failed command, or null. */
    private final String detail;

    /**
     * @param exitCode what kind of failure this is
     * @param message  one line: what is wrong, where, and what to do
     */
    public KubicleException(ExitCode exitCode, String message) {
        this(exitCode, message, null, null);
    }

    /**
     * @param exitCode what kind of failure this is
     * @param message  one line: what is wrong, where, and what to do
     * @param cause    the failure underneath, or null
     */
    public KubicleException(ExitCode exitCode, String message, Throwable cause) {
        this(exitCode, message, null, cause);
    }

    /**
     * @param exitCode what kind of failure this is
     * @param message  one line: what is wrong, where, and what to do
     * @param detail   output captured from a failed command (shown above the message, like kind does), or null
     * @param cause    the failure underneath, or null
     */
    public KubicleException(ExitCode exitCode, String message, String detail, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
        this.detail = detail;
    }

    /** @return what kind of failure this is, and the exit code a command line ends with */
    public ExitCode exitCode() {
        return exitCode;
    }

    /** @return output captured from a failed command, or an empty string */
    public String detail() {
        return detail == null ? "" : detail;
    }
}
