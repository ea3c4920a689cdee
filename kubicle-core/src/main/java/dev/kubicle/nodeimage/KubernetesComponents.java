package dev.kubicle.nodeimage;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.progress.Progress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Builds Kubernetes, etcd, CoreDNS, pause and the storage provisioner from source for one Kubernetes version, with
 * build-components.sh (shipped in kubicle's jar) through the Go module proxy: no registry, no release download.
 * Results are cached under {@code <cache>/components/<version>/}; the script rebuilds only what is missing or was
 * built from other inputs, so a second run takes seconds. A first run takes some twenty minutes on two cores.
 */
final class KubernetesComponents {
    static final String SCRIPT = "build-components.sh";
    private static final RecipeResources RESOURCES = new RecipeResources("/dev/kubicle/nodeimage/");
    /** How the script starts the lines that say what it does: "build-components.sh: building kubelet (2 of 11)". */
    private static final String SCRIPT_SAYS = SCRIPT + ": ";
    /** How the script starts the line saying why it stopped: "error: ..." or "FAILED while building ...". */
    private static final List<String> SCRIPT_FAILURES = List.of(SCRIPT_SAYS + "error: ", SCRIPT_SAYS + "FAILED ");

    private final Path cache;
    private final Progress progress;

    /**
     * @param cache    kubicle's cache directory
     * @param progress shown each line the script prints as a detail, and the lines that say what it starts (such as
     *                 "building kubelet (2 of 11)") as the running step's activity
     */
    KubernetesComponents(Path cache, Progress progress) {
        this.cache = cache;
        this.progress = progress;
    }

    /** SHA-256 of the shipped script, in hex: what the script's own cache stamps depend on, besides the version. */
    static String scriptHash() {
        return Sha256.of(RESOURCES.bytes(SCRIPT));
    }

    Components build(String kubernetesVersion) {
        Path script = extractScript();
        Path directory = cache.resolve("components").resolve(kubernetesVersion);
        Path log = cache.resolve("components").resolve(kubernetesVersion + ".log");
        AtomicReference<String> failure = new AtomicReference<>();
        try {
            Files.deleteIfExists(log);
            new HostCommand(List.of("bash", script.toString(), kubernetesVersion, directory.toString()), log,
                    goToolchain().map(go -> Map.of("GO", go.toString())).orElse(Map.of()))
                    .runStreamingOutput(line -> {
                        if (SCRIPT_FAILURES.stream().anyMatch(line::startsWith)) {
                            failure.compareAndSet(null, line.substring(SCRIPT.length() + 2));
                        } else if (line.startsWith(SCRIPT_SAYS)) {
                            progress.activity(line.substring(SCRIPT_SAYS.length()));
                        }
                        progress.detail(line);
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (KubicleException e) {
            if (e.exitCode() == ExitCode.INTERRUPTED) {
                throw e;
            }
            String why = failure.get() == null ? e.getMessage() : failure.get();
            throw new KubicleException(ExitCode.GENERIC, "building the Kubernetes " + kubernetesVersion
                    + " components from source failed: " + why + " (whole output: " + log + ")", e.detail(), e);
        }
        return Components.read(kubernetesVersion, directory);
    }

    /**
     * The script in the cache, written again when this kubicle ships another one. A new file replaces the old one
     * by renaming, so that a build running the old one (bash reads scripts as it goes) is not disturbed.
     */
    private Path extractScript() {
        byte[] content = RESOURCES.bytes(SCRIPT);
        Path scripts = cache.resolve("scripts");
        Path script = scripts.resolve(SCRIPT);
        try {
            if (Files.isRegularFile(script) && Arrays.equals(Files.readAllBytes(script), content)) {
                return script;
            }
            Files.createDirectories(scripts);
            Path fresh = Files.createTempFile(scripts, SCRIPT, ".new");
            Files.write(fresh, content);
            Files.move(fresh, script, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + script, e);
        }
    }

    /**
     * The go command on the caller's PATH, which the script would not see: commands run here get a fixed PATH.
     * Without one, the script looks in /usr/local/go and says what to do when Go is not there either.
     */
    private static Optional<Path> goToolchain() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Arrays.stream(path.split(":")).filter(dir -> !dir.isEmpty()).map(dir -> Path.of(dir, "go"))
                .filter(Files::isExecutable).findFirst();
    }
}
