package dev.kubicle.cli;

import dev.kubicle.cluster.CreateOptions;
import picocli.CommandLine.Option;

import java.time.Duration;

/** --wait, for commands that bring nodes up and wait for them to be Ready. */
final class WaitOption {
    @Option(names = "--wait", paramLabel = "DURATION", converter = WaitDurationConverter.class,
            description = "How long to wait for the nodes to be Ready, like 30s or 5m; 0 does not wait "
                    + "(default: 5m).")
    Duration duration = CreateOptions.DEFAULT_WAIT_READY;
}
