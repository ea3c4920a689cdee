package dev.kubicle.cli;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.provider.Provider;
import dev.kubicle.provider.factory.ProviderFactory;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

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

    /**
     * @return connects to the engine a command asks for (its {@code --provider} value, null when it gives none):
     *         the first time with the connection already under way, when that was made for the same engine
     */
    static Function<String, Provider> startFor(String... args) {
        if (args.length == 0 || Arrays.stream(args).anyMatch(OFFLINE::contains)) {
            return ProviderFactory::connect;
        }
        String requested = providerNamedIn(args);
        FutureTask<Provider> connecting = new FutureTask<>(() -> ProviderFactory.connect(requested));
        Thread thread = new Thread(connecting, "kubicle-connect");
        thread.setDaemon(true);
        thread.start();
        AtomicBoolean handedOut = new AtomicBoolean();
        // A session closes its provider; a second one gets a connection of its own.
        return provider -> Objects.equals(provider, requested) && !handedOut.getAndSet(true) ? await(connecting)
                : ProviderFactory.connect(provider);
    }

    /** The value of {@code --provider X} or {@code --provider=X}, as picocli will parse it; null without one. */
    static String providerNamedIn(String... args) {
        String named = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(GlobalOptions.PROVIDER) && i + 1 < args.length) {
                named = args[i + 1];
            } else if (args[i].startsWith(GlobalOptions.PROVIDER + "=")) {
                named = args[i].substring(GlobalOptions.PROVIDER.length() + 1);
            }
        }
        return named;
    }

    private static Provider await(FutureTask<Provider> connecting) {
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
