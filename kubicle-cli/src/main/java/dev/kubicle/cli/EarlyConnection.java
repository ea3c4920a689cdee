package dev.kubicle.cli;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.provider.docker.DockerProvider;

import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Connects to the engine on a second thread while the command line is still being parsed: the first connection
 * of a run loads and initialises the engine client and Jackson (some 300 ms of CPU), which then overlaps picocli's
 * own start-up instead of following it. A failure is reported only if the command asks for the engine.
 */
final class EarlyConnection {
    /** Arguments after which a run never needs the engine, so nothing is started for them. */
    private static final Set<String> OFFLINE = Set.of("version", "generate-completion", "-h", "--help", "-V",
            "--version", "--dry-run");

    private EarlyConnection() {
    }

    static Supplier<DockerProvider> startFor(String... args) {
        if (args.length == 0 || Arrays.stream(args).anyMatch(OFFLINE::contains)) {
            return DockerProvider::connect;
        }
        FutureTask<DockerProvider> connecting = new FutureTask<>(DockerProvider::connect);
        Thread thread = new Thread(connecting, "kubicle-connect");
        thread.setDaemon(true);
        thread.start();
        AtomicBoolean handedOut = new AtomicBoolean();
        // A session closes its provider; a second one gets a connection of its own.
        return () -> handedOut.getAndSet(true) ? DockerProvider.connect() : await(connecting);
    }

    private static DockerProvider await(FutureTask<DockerProvider> connecting) {
        try {
            return connecting.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new KubicleException(ExitCode.INTERNAL, "cannot connect to the engine: " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KubicleException(ExitCode.INTERRUPTED, "interrupted while connecting to the engine", e);
        }
    }
}
