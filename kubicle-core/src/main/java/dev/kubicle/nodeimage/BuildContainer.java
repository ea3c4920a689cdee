package dev.kubicle.nodeimage;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.provider.ExecRequest;
import dev.kubicle.provider.ExecResult;
import dev.kubicle.provider.NodeSpec;
import dev.kubicle.provider.Provider;
import dev.kubicle.provider.docker.TarWriter;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The container a node image is built in: the base node image with the privileges of a node, but sleeping instead
 * of booting, so that nothing of a running node (machine id, logs, containerd's state) ends up in the image. /var
 * is no volume here: the preloaded images under /var/lib/containerd must be part of what is committed. It carries
 * no labels, since a commit would hand them on to every node made from the image. Closing deletes it; one whose
 * builder was killed before it could close is found by the process id in its name and deleted by the next build.
 */
final class BuildContainer implements AutoCloseable {
    /** Big enough that the engine reads whole blocks of the archive at a time. */
    private static final int PIPE_BUFFER = 1 << 20;
    /** How much of a failed command's output an error shows. */
    private static final int TAIL_LINES = 30;
    private static final String PREFIX = "kubicle-build-";

    private final Provider provider;
    private final String name;
    private boolean started;

    BuildContainer(Provider provider) {
        this.provider = provider;
        this.name = namePrefix(ProcessHandle.current().pid())
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }

    /** How the names of the build containers of the process {@code pid} on this machine begin. */
    static String namePrefix(long pid) {
        return PREFIX + pid + "-";
    }

    /**
     * Deletes the build containers whose builder on this machine is no longer running: a build killed outright
     * (SIGKILL, a machine that lost power) cannot delete its own, and it would sit there, asleep, for good.
     */
    static void deleteOrphans(Provider provider) {
        for (String name : provider.nodeNames(Map.of())) {
            ownerPid(name).filter(pid -> ProcessHandle.of(pid).isEmpty()).ifPresent(pid -> provider.deleteNode(name));
        }
    }

    /** The process id in a build container's name; none for any other container. */
    static Optional<Long> ownerPid(String containerName) {
        if (!containerName.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = containerName.substring(PREFIX.length());
        int dash = rest.indexOf('-');
        try {
            return dash > 0 ? Optional.of(Long.parseLong(rest.substring(0, dash))) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    String name() {
        return name;
    }

    void start(String image) {
        started = true;
        provider.runNode(new NodeSpec(name, image, Map.of(), "none", Optional.empty(), "", List.of(), List.of(),
                Map.of(), List.of("sleep", "infinity")));
    }

    /**
     * Unpacks the archive {@code content} writes at the container's root. The archive is streamed while it is
     * written, so that hundreds of megabytes of binaries never sit in memory or in a temporary file.
     */
    void copyIn(Consumer<TarWriter> content) {
        AtomicReference<RuntimeException> writeFailure = new AtomicReference<>();
        PipedInputStream archive = new PipedInputStream(PIPE_BUFFER);
        Thread writer;
        try {
            PipedOutputStream out = new PipedOutputStream(archive);
            writer = new Thread(() -> write(content, out, writeFailure), "kubicle-build-copy");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writer.setDaemon(true);
        writer.start();
        try (archive) {
            provider.copyTarIn(name, "/", archive);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            // Closing the reading end makes a writer blocked on a full pipe fail instead of waiting forever.
            join(writer);
        }
        if (writeFailure.get() != null) {
            throw writeFailure.get();
        }
    }

    private static void write(Consumer<TarWriter> content, PipedOutputStream out,
                              AtomicReference<RuntimeException> failure) {
        try (out) {
            // Not closed on failure: that would end the archive properly and hide that it is cut short.
            TarWriter tar = new TarWriter(out);
            content.accept(tar);
            tar.close();
        } catch (RuntimeException e) {
            failure.set(e);
        } catch (IOException e) {
            failure.set(new UncheckedIOException(e));
        }
    }

    /**
     * Runs a command in the container; returns its standard output, or throws with the end of its output when it
     * fails.
     *
     * @param what what the command does, for the error ("making image X")
     */
    String run(String what, String... command) {
        ExecResult result = provider.exec(name, ExecRequest.of(command));
        if (!result.ok()) {
            throw new KubicleException(ExitCode.GENERIC, what + " failed in the build container " + name
                    + " (exit code " + result.exitCode() + ")", tail(result.stdout() + result.stderr()), null);
        }
        return result.stdout();
    }

    void commit(String reference, List<String> changes) {
        provider.commit(name, reference, changes);
    }

    /** Deletes the container, even when the build was interrupted. */
    @Override
    public void close() {
        if (!started) {
            return;
        }
        // Clear the interrupt so that the engine call is not cut short by the Ctrl-C that ended the build.
        boolean interrupted = Thread.interrupted();
        try {
            provider.deleteNode(name);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void join(Thread writer) {
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KubicleException(ExitCode.INTERRUPTED, "interrupted while copying files into the build "
                    + "container", e);
        }
    }

    private static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    }
}
