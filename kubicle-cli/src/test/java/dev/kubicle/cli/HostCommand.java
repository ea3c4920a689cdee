package dev.kubicle.cli;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A command on the host, for the little a test sets up there that kubicle itself never does (image tags, mounts). */
final class HostCommand {
    private HostCommand() {
    }

    /** Runs the command and fails the test unless it succeeds; returns its standard output. */
    static String ok(String... command) {
        ChildProcess.Output output = ChildProcess.run(List.of(command), Map.of(), null, Duration.ofSeconds(60));
        if (output.exitCode() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + output.err());
        }
        return output.out();
    }
}
