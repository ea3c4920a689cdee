package dev.kubicle.bench.run;

import dev.kubicle.bench.results.MachineFacts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Collects the facts docs/benchmarks.md names: the machine, the engine and every version involved. */
public final class MachineProbe {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String UNKNOWN = "unknown";

    private final CommandRunner runner;

    public MachineProbe(CommandRunner runner) {
        this.runner = runner;
    }

    public MachineFacts probe(ToolUnderTest kind, ToolUnderTest kubicle, Path checkout, String kubectl) {
        String[] engine = firstLine("docker", "info", "--format",
                "{{.CgroupVersion}} {{.CgroupDriver}} {{.DefaultRuntime}}").split(" ", 3);
        return new MachineFacts(
                cpuInfo("model name").orElse(UNKNOWN),
                Runtime.getRuntime().availableProcessors(),
                memInfoKiB("MemTotal") * 1024,
                osRelease().orElse(UNKNOWN),
                read(Path.of("/proc/sys/kernel/osrelease")).orElse(UNKNOWN).strip(),
                firstLine("docker", "version", "--format", "{{.Server.Version}}"),
                engine.length > 0 ? engine[0] : UNKNOWN,
                engine.length > 1 ? engine[1] : UNKNOWN,
                engine.length > 2 ? engine[2] : UNKNOWN,
                firstLine(kind.version().toArray(String[]::new)),
                firstLine(kubicle.version().toArray(String[]::new)),
                commit(checkout),
                // bin/kubicle and the harness both run the `java` on PATH.
                System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.name") + ")",
                firstLine(kubectl, "version", "--client").replaceFirst("^Client Version: ", ""),
                kind.image(),
                firstLine("docker", "image", "inspect", "--format", "{{.Id}}", kind.image()));
    }

    private String commit(Path checkout) {
        String commit = firstLine("git", "-C", checkout.toString(), "rev-parse", "--short=12", "HEAD");
        CommandResult status = runner.run(List.of("git", "-C", checkout.toString(), "status", "--porcelain",
                "--untracked-files=no"), Map.of(), TIMEOUT);
        boolean dirty = status.ok() && !status.stdout().isBlank();
        return dirty ? commit + "-dirty" : commit;
    }

    private String firstLine(String... command) {
        CommandResult result = runner.run(List.of(command), Map.of(), TIMEOUT);
        if (!result.ok()) {
            return UNKNOWN;
        }
        return result.stdout().strip().lines().findFirst().orElse(UNKNOWN);
    }

    private static Optional<String> cpuInfo(String key) {
        return read(Path.of("/proc/cpuinfo")).flatMap(text -> text.lines()
                .filter(line -> line.startsWith(key))
                .map(line -> line.substring(line.indexOf(':') + 1).strip())
                .findFirst());
    }

    private static long memInfoKiB(String key) {
        return read(Path.of("/proc/meminfo")).flatMap(text -> text.lines()
                .filter(line -> line.startsWith(key + ":"))
                .map(line -> Long.parseLong(line.replaceAll("\\D", "")))
                .findFirst()).orElse(0L);
    }

    private static Optional<String> osRelease() {
        return read(Path.of("/etc/os-release")).flatMap(text -> text.lines()
                .filter(line -> line.startsWith("PRETTY_NAME="))
                .map(line -> line.substring("PRETTY_NAME=".length()).replace("\"", ""))
                .findFirst());
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
