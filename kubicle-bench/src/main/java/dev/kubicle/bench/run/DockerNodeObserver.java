package dev.kubicle.bench.run;

import dev.kubicle.bench.results.NodeUsage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds node containers with the docker CLI, as a user would, and reads their cgroups straight from the host's
 * cgroup file system: no tool's own code takes part in measuring it.
 */
public final class DockerNodeObserver implements NodeObserver {
    private static final Duration DOCKER_TIMEOUT = Duration.ofSeconds(60);

    private final CommandRunner runner;
    private final Path cgroupRoot;
    private final Path proc;

    public DockerNodeObserver(CommandRunner runner) {
        this(runner, Path.of("/sys/fs/cgroup"), Path.of("/proc"));
    }

    DockerNodeObserver(CommandRunner runner, Path cgroupRoot, Path proc) {
        this.runner = runner;
        this.cgroupRoot = cgroupRoot;
        this.proc = proc;
    }

    @Override
    public List<NodeContainer> nodes(ToolUnderTest tool, String cluster) {
        String format = "{{.ID}}\t{{.Names}}\t{{.Label \"" + tool.roleLabel() + "\"}}\t{{.State}}";
        return docker("ps", "--all", "--no-trunc", "--filter", "label=" + tool.clusterLabel() + "=" + cluster,
                "--format", format).stream()
                .map(line -> line.split("\t", -1))
                .map(fields -> new NodeContainer(fields[0], fields[1], fields[2], fields[3].equals("running")))
                .sorted(Comparator.comparing(NodeContainer::name))
                .toList();
    }

    @Override
    public List<String> clusters(ToolUnderTest tool, String prefix) {
        return docker("ps", "--all", "--filter", "label=" + tool.clusterLabel(),
                "--format", "{{.Label \"" + tool.clusterLabel() + "\"}}").stream()
                .filter(name -> name.startsWith(prefix))
                .distinct()
                .toList();
    }

    @Override
    public IdleMeasurement idle(List<NodeContainer> nodes, Duration window) {
        Map<NodeContainer, ContainerCgroup> cgroups = new LinkedHashMap<>();
        nodes.forEach(node -> cgroups.put(node, ContainerCgroup.locate(cgroupRoot, node.id())));
        Map<NodeContainer, Long> cpuBefore = new LinkedHashMap<>();
        long start = System.nanoTime();
        double hostBefore = HostStats.busyCpuSeconds(proc);
        cgroups.forEach((node, cgroup) -> cpuBefore.put(node, cgroup.cpuNanos()));
        ReadinessWaiter.sleep(window);
        List<NodeUsage> usage = new ArrayList<>();
        cgroups.forEach((node, cgroup) -> usage.add(new NodeUsage(node.name(), node.role(),
                (cgroup.cpuNanos() - cpuBefore.get(node)) / 1e9, cgroup.memoryBytes(), cgroup.rssBytes(),
                cgroup.relative())));
        double hostCpu = HostStats.busyCpuSeconds(proc) - hostBefore;
        return new IdleMeasurement((System.nanoTime() - start) / 1e9, usage, hostCpu);
    }

    private List<String> docker(String... arguments) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(Arrays.asList(arguments));
        CommandResult result = runner.run(command, Map.of(), DOCKER_TIMEOUT);
        if (!result.ok()) {
            throw new BenchFailure(result.failure());
        }
        return result.stdout().lines().filter(line -> !line.isBlank()).toList();
    }
}
