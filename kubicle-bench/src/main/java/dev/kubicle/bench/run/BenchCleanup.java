package dev.kubicle.bench.run;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Removes whatever the harness left on the engine: every cluster of either tool whose name has the bench's prefix
 * (deleted by its own tool, as a user would), then kind's bench network. Nothing else is touched.
 */
public final class BenchCleanup {
    private static final Duration DELETE_TIMEOUT = Duration.ofMinutes(5);

    private final CommandRunner runner;
    private final NodeObserver observer;
    private final Path kubeconfig;
    private final PrintStream log;

    /** @param kubeconfig a scratch kubeconfig for the deletes, so that the user's own is never edited */
    public BenchCleanup(CommandRunner runner, NodeObserver observer, Path kubeconfig, PrintStream log) {
        this.runner = runner;
        this.observer = observer;
        this.kubeconfig = kubeconfig;
        this.log = log;
    }

    /** @return whether everything is gone */
    public boolean sweep(List<ToolUnderTest> tools) {
        boolean clean = true;
        for (ToolUnderTest tool : tools) {
            for (String cluster : observer.clusters(tool, tool.clusterPrefix())) {
                log.println("clean-up: " + tool.tool().id() + " delete cluster --name " + cluster);
                CommandResult result = runner.run(tool.delete(cluster), tool.environment(kubeconfig), DELETE_TIMEOUT);
                if (!result.ok()) {
                    log.println("clean-up: " + result.failure());
                }
            }
            List<String> left = observer.clusters(tool, tool.clusterPrefix());
            if (!left.isEmpty()) {
                log.println("clean-up: " + tool.tool().id() + " clusters still there: " + String.join(", ", left));
                clean = false;
            }
        }
        CommandResult network = runner.run(List.of("docker", "network", "ls", "--quiet", "--filter",
                "name=^" + ToolUnderTest.KIND_NETWORK + "$"), Map.of(), DELETE_TIMEOUT);
        if (network.ok() && !network.stdout().isBlank()) {
            CommandResult removed = runner.run(List.of("docker", "network", "rm", ToolUnderTest.KIND_NETWORK),
                    Map.of(), DELETE_TIMEOUT);
            if (!removed.ok()) {
                log.println("clean-up: " + removed.failure());
                clean = false;
            }
        }
        return clean;
    }
}
