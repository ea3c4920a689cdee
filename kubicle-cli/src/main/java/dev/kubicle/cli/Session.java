package dev.kubicle.cli;

import dev.kubicle.cluster.ClusterSnapshots;
import dev.kubicle.cluster.Clusters;
import dev.kubicle.kubeconfig.KubeconfigFiles;
import dev.kubicle.progress.ConsoleProgress;
import dev.kubicle.nodeimage.OfflineNodeImages;
import dev.kubicle.progress.Progress;
import dev.kubicle.provider.Provider;

import java.io.PrintStream;
import java.util.function.Function;

/**
 * What one command run needs from the library, made on first use so that commands that do not touch the engine
 * (--dry-run, version, help) never connect to it. Progress goes to standard error, keeping standard output for
 * what the user asked to see.
 */
final class Session implements AutoCloseable {
    private final PrintStream out;
    private final Progress progress;
    private final Function<String, Provider> engine;
    private final String requestedProvider;
    private Provider provider;

    /** @param engine connects to the engine named (docker, podman, auto; null: $KUBICLE_PROVIDER, else auto) */
    Session(PrintStream out, PrintStream err, GlobalOptions options, Function<String, Provider> engine) {
        this.out = out;
        this.engine = engine;
        this.requestedProvider = options.provider;
        this.progress = new ConsoleProgress(err, options.verbosity(), System.console() != null);
    }

    PrintStream out() {
        return out;
    }

    Progress progress() {
        return progress;
    }

    Provider provider() {
        if (provider == null) {
            provider = engine.apply(requestedProvider);
            progress.detail("using " + provider.name() + " engine " + provider.describe());
        }
        return provider;
    }

    /** With the kubeconfig files kubectl uses: $KUBECONFIG, or ~/.kube/config. */
    Clusters clusters() {
        return clusters(KubeconfigFiles.fromEnvironment());
    }

    Clusters clusters(KubeconfigFiles kubeconfigs) {
        return new Clusters(provider(), progress, new OfflineNodeImages(), kubeconfigs);
    }

    ClusterSnapshots snapshots() {
        return snapshots(KubeconfigFiles.fromEnvironment());
    }

    ClusterSnapshots snapshots(KubeconfigFiles kubeconfigs) {
        return new ClusterSnapshots(provider(), progress, kubeconfigs);
    }

    @Override
    public void close() {
        if (provider != null) {
            provider.close();
        }
    }
}
