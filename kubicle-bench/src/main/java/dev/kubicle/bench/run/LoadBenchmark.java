package dev.kubicle.bench.run;

import dev.kubicle.bench.results.Tool;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Loading images into a 1+2 cluster (issue 15), kind beside kubicle, each into a cluster of its own made from the
 * same config and node image. For each image size, in this order: an archive file of an image neither cluster has
 * ({@code load image-archive}), an engine image neither has ({@code load docker-image}), the same image again, and
 * that image rebuilt with only its top layer changed. Each is one sample: a second round would need clusters that
 * have never seen the images, that is new clusters or new 1 GB images.
 */
public final class LoadBenchmark {
    public static final List<String> SCENARIOS = List.of("image-archive, new image", "docker-image, new image",
            "docker-image, same image again", "docker-image, top layer rebuilt");
    private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(15);
    private static final Duration SAVE_TIMEOUT = Duration.ofMinutes(10);

    private final List<ToolUnderTest> tools;
    private final Path threeNodes;
    private final Path work;
    private final CommandRunner runner;
    private final Duration createTimeout;
    private final Duration deleteTimeout;
    private final PrintStream out;

    public LoadBenchmark(List<ToolUnderTest> tools, Path threeNodes, Path work, CommandRunner runner,
                         Duration createTimeout, Duration deleteTimeout, PrintStream out) {
        this.tools = tools;
        this.threeNodes = threeNodes;
        this.work = work;
        this.runner = runner;
        this.createTimeout = createTimeout;
        this.deleteTimeout = deleteTimeout;
        this.out = out;
    }

    /** @param sink receives every sample as it is taken */
    public void run(Consumer<LoadSample> sink) {
        LoadImages images = new LoadImages(runner, work);
        for (LoadImages.Size size : LoadImages.SIZES) {
            out.println("kubicle-bench: building the " + size.label() + " images (" + size.layers() + " layers)");
            images.build(size, work.getFileName().toString());
        }
        try {
            for (ToolUnderTest tool : tools) {
                String cluster = tool.clusterPrefix() + "load";
                Path kubeconfig = work.resolve(tool.tool().id() + "-load.kubeconfig");
                out.println("kubicle-bench: creating " + cluster);
                CommandResult created = runner.run(cluster + "-create", tool.create(threeNodes, cluster),
                        tool.environment(kubeconfig), createTimeout);
                try {
                    for (LoadImages.Size size : LoadImages.SIZES) {
                        if (!created.ok()) {
                            SCENARIOS.forEach(scenario -> sink.accept(new LoadSample(tool.tool().id(), size.label(),
                                    scenario, 0, List.of(), "the cluster was not created: " + created.failure())));
                            continue;
                        }
                        loadAll(tool, cluster, kubeconfig, size, sink);
                    }
                } finally {
                    runner.run(cluster + "-delete", tool.delete(cluster), tool.environment(kubeconfig),
                            deleteTimeout);
                }
            }
        } finally {
            LoadImages.SIZES.forEach(images::remove);
        }
    }

    private void loadAll(ToolUnderTest tool, String cluster, Path kubeconfig, LoadImages.Size size,
                         Consumer<LoadSample> sink) {
        Path archive = work.resolve(size.name() + "-a.tar");
        if (!archive.toFile().exists()) {
            CommandResult saved = runner.run(List.of("docker", "save", "--output", archive.toString(),
                    size.archiveImage()), Map.of(), SAVE_TIMEOUT);
            if (!saved.ok()) {
                throw new BenchFailure("docker save " + size.archiveImage() + " failed: " + saved.failure());
            }
        }
        List<List<String>> loads = List.of(
                load(tool, cluster, "image-archive", archive.toString()),
                load(tool, cluster, "docker-image", size.engineImage()),
                load(tool, cluster, "docker-image", size.engineImage()),
                load(tool, cluster, "docker-image", size.rebuiltImage()));
        for (int i = 0; i < loads.size(); i++) {
            String scenario = SCENARIOS.get(i);
            CommandResult result = runner.run(cluster + "-load-" + size.name() + "-" + i, loads.get(i),
                    tool.environment(kubeconfig), LOAD_TIMEOUT);
            LoadSample sample = new LoadSample(tool.tool().id(), size.label(), scenario, result.seconds(),
                    tool.tool() == Tool.KUBICLE ? ProgressSteps.parse(result.lines()) : List.of(),
                    result.ok() ? null : result.failure());
            out.printf("kubicle-bench: %-7s %-6s %-32s %6.1f s%s%n", sample.tool(), size.label(), scenario,
                    sample.seconds(), sample.ok() ? "" : "  FAILED");
            sink.accept(sample);
        }
    }

    private static List<String> load(ToolUnderTest tool, String cluster, String what, String source) {
        return List.of(tool.executable().toString(), "load", what, source, "--name", cluster);
    }
}
