package dev.kubicle.bench;

import dev.kubicle.bench.run.BenchCleanup;
import dev.kubicle.bench.run.CommandRunner;
import dev.kubicle.bench.run.DockerNodeObserver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "cleanup", mixinStandardHelpOptions = true,
        description = "Deletes every cluster named bench-kind-* or bench-kubicle-* with its own tool, and kind's "
                + "bench network.")
final class CleanupCommand implements Callable<Integer> {
    @Mixin
    ToolOptions tools;

    @Option(names = "--work", defaultValue = "bench/work", description = "Scratch files (default: ${DEFAULT-VALUE}).")
    Path work;

    @Override
    public Integer call() {
        CommandRunner runner = new CommandRunner(work.resolve("logs"));
        BenchCleanup cleanup = new BenchCleanup(runner, new DockerNodeObserver(runner),
                work.resolve("cleanup.kubeconfig"), System.out);
        return cleanup.sweep(tools.tools()) ? 0 : 1;
    }
}
