package dev.kubicle.bench.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A container's cgroup as the host sees it, which holds every process of a node container (its pods too: the node's
 * kubelet nests them below it). Docker's cgroupfs driver puts a container at {@code docker/<id>}, its systemd driver
 * at {@code system.slice/docker-<id>.scope}; cgroup v1 has a tree per controller, v2 one tree.
 */
final class ContainerCgroup {
    private final boolean unified;
    private final Path cpu;
    private final Path memory;
    private final String relative;

    private ContainerCgroup(boolean unified, Path cpu, Path memory, String relative) {
        this.unified = unified;
        this.cpu = cpu;
        this.memory = memory;
        this.relative = relative;
    }

    /** @param root the cgroup file system's mount, {@code /sys/fs/cgroup} */
    static ContainerCgroup locate(Path root, String containerId) {
        List<String> candidates = List.of("docker/" + containerId, "system.slice/docker-" + containerId + ".scope");
        boolean unified = Files.exists(root.resolve("cgroup.controllers"));
        for (String candidate : candidates) {
            Path cpu = unified ? root.resolve(candidate) : root.resolve("cpuacct").resolve(candidate);
            Path memory = unified ? root.resolve(candidate) : root.resolve("memory").resolve(candidate);
            if (Files.isDirectory(cpu) && Files.isDirectory(memory)) {
                return new ContainerCgroup(unified, cpu, memory, candidate);
            }
        }
        throw new BenchFailure("no cgroup for container " + containerId + " under " + root + " (looked for "
                + String.join(", ", candidates) + ")");
    }

    String relative() {
        return relative;
    }

    long cpuNanos() {
        if (unified) {
            return statFileValue(cpu.resolve("cpu.stat"), "usage_usec") * 1000;
        }
        return Long.parseLong(read(cpu.resolve("cpuacct.usage")));
    }

    /** Memory charged to the container, page cache included. */
    long memoryBytes() {
        return Long.parseLong(read(memory.resolve(unified ? "memory.current" : "memory.usage_in_bytes")));
    }

    /** Anonymous resident memory of the container and every cgroup below it. */
    long rssBytes() {
        return statFileValue(memory.resolve("memory.stat"), unified ? "anon" : "total_rss");
    }

    private static long statFileValue(Path file, String key) {
        return statValue(read(file), key)
                .orElseThrow(() -> new BenchFailure(file + " has no " + key));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** A value from the {@code key value} lines of memory.stat and cpu.stat. */
    static Optional<Long> statValue(String text, String key) {
        return text.lines()
                .map(line -> line.strip().split("\\s+"))
                .filter(fields -> fields.length == 2 && fields[0].equals(key))
                .map(fields -> Long.parseLong(fields[1]))
                .findFirst();
    }
}
