package dev.kubicle.bench.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The images the load benchmark loads, built here (no registry is reachable) from Debian's static busybox and
 * random data, one layer per RUN: layers that compress to nothing would flatter any tool that compresses.
 * Each size comes as two unrelated images (so that each tool's cluster sees one for the first time through each
 * load command) and as the second one rebuilt with only its top layer changed, as a CI run after a code change.
 */
public final class LoadImages {
    static final String BUSYBOX = "/bin/busybox";
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(20);

    /**
     * One size of image.
     *
     * @param label      how the report names it, e.g. "100 MB"
     * @param layers     how many layers of random data
     * @param layerBytes the size of each
     */
    public record Size(String label, String name, int layers, long layerBytes) {
        public String archiveImage() {
            return "bench-load/" + name + ":a";
        }

        public String engineImage() {
            return "bench-load/" + name + ":b";
        }

        public String rebuiltImage() {
            return "bench-load/" + name + ":b-rebuilt";
        }

        List<String> all() {
            return List.of(archiveImage(), engineImage(), rebuiltImage());
        }
    }

    public static final List<Size> SIZES = List.of(new Size("100 MB", "small", 10, 10_000_000L),
            new Size("1 GB", "large", 20, 50_000_000L));

    private final CommandRunner runner;
    private final Path work;

    public LoadImages(CommandRunner runner, Path work) {
        this.runner = runner;
        this.work = work;
    }

    /** Builds the three images of a size; the rebuild reuses every layer of its original but the top one. */
    public void build(Size size, String rebuildMark) {
        Path context = context(size);
        build(size, context, size.archiveImage(), "a", "none");
        build(size, context, size.engineImage(), "b", "none");
        build(size, context, size.rebuiltImage(), "b", rebuildMark);
    }

    /** Removes the images again: together they take 2.2 GB of the engine's disk. */
    public void remove(Size size) {
        List<String> command = new ArrayList<>(List.of("docker", "rmi", "--force"));
        command.addAll(size.all());
        runner.run(command, Map.of(), BUILD_TIMEOUT);
    }

    private void build(Size size, Path context, String image, String variant, String rebuild) {
        // The classic builder never pulls (FROM scratch) and keeps a cache, which the rebuild relies on.
        CommandResult built = runner.run("build-" + image.replaceAll("[^a-z0-9]+", "-"),
                List.of("docker", "build", "--quiet", "--tag", image, "--build-arg", "VARIANT=" + variant,
                        "--build-arg", "REBUILD=" + rebuild, context.toString()),
                Map.of("DOCKER_BUILDKIT", "0"), BUILD_TIMEOUT);
        if (!built.ok()) {
            throw new BenchFailure("building " + image + " failed: " + built.failure());
        }
    }

    private Path context(Size size) {
        Path context = work.resolve("load-image-" + size.name());
        StringBuilder dockerfile = new StringBuilder("FROM scratch\nCOPY busybox /bin/busybox\nARG VARIANT\n");
        for (int layer = 1; layer <= size.layers(); layer++) {
            if (layer == size.layers()) {
                // Declared here, the rebuild's argument changes the cache key of the top layer only.
                dockerfile.append("ARG REBUILD\n");
            }
            dockerfile.append("RUN [\"/bin/busybox\", \"sh\", \"-c\", \"/bin/busybox head -c ")
                    .append(size.layerBytes()).append(" /dev/urandom > /layer-").append(layer).append("\"]\n");
        }
        dockerfile.append("CMD [\"/bin/busybox\", \"sleep\", \"3600\"]\n");
        try {
            Files.createDirectories(context);
            Files.writeString(context.resolve("Dockerfile"), dockerfile);
            Files.copy(Path.of(BUSYBOX), context.resolve("busybox"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the build context " + context
                    + " (the load benchmark needs Debian's busybox-static at " + BUSYBOX + ")", e);
        }
        return context;
    }
}
