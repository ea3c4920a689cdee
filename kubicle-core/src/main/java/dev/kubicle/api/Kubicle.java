package dev.kubicle.api;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.cluster.ClusterSnapshots;
import dev.kubicle.cluster.Clusters;
import dev.kubicle.cluster.CreateOptions;
import dev.kubicle.cluster.Labels;
import dev.kubicle.cluster.SnapshotSummary;
import dev.kubicle.kubeconfig.KubeconfigFiles;
import dev.kubicle.nodeimage.OfflineNodeImages;
import dev.kubicle.progress.ConsoleProgress;
import dev.kubicle.progress.Progress;
import dev.kubicle.progress.Verbosity;
import dev.kubicle.provider.Provider;
import dev.kubicle.provider.factory.ProviderFactory;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * kubicle's entry point for Java programs: one connection to the container engine, through which clusters are
 * created, found and deleted. Thread-safe; close it when done.
 * <pre>{@code
 * try (Kubicle kubicle = Kubicle.connect()) {
 *     ClusterHandle cluster = kubicle.create(ClusterSpec.builder().name("demo").workers(2).build());
 *     System.out.println(cluster.kubectl("get", "nodes"));
 *     cluster.delete();
 * }
 * }</pre>
 * Every method reports failure as a {@link KubicleException}, whose {@link KubicleException#exitCode()} tells bad
 * input ({@link ExitCode#INVALID_INPUT}) from a world not as expected ({@link ExitCode#UNEXPECTED_STATE}).
 */
public final class Kubicle implements AutoCloseable {
    /**
     * The container label holding {@link ClusterSpec#hash()} on every node of a cluster this API created, so that a
     * cluster can be found again and told apart from one made from another spec.
     */
    public static final String SPEC_HASH_LABEL = "dev.kubicle.spec-hash";

    private final Provider provider;
    private final Progress progress;
    private final Clusters clusters;
    private final ClusterSnapshots snapshots;

    private Kubicle(Provider provider, Progress progress, KubeconfigFiles kubeconfigs) {
        this.provider = provider;
        this.progress = progress;
        this.clusters = new Clusters(provider, progress, new OfflineNodeImages(), kubeconfigs);
        this.snapshots = new ClusterSnapshots(provider, progress, kubeconfigs);
    }

    /**
     * Connects to the engine named by {@code $KUBICLE_PROVIDER} (docker or podman), else to the first that
     * answers, Docker first, silently, writing kubeconfigs where kubectl looks ({@code $KUBECONFIG}, else
     * {@code ~/.kube/config}).
     *
     * @return a connected entry point
     * @throws KubicleException with {@link ExitCode#UNEXPECTED_STATE} when no engine answers, with
     *                          {@link ExitCode#INVALID_INPUT} for an unknown provider
     */
    public static Kubicle connect() {
        return builder().connect();
    }

    /** @return a builder for a connection with other settings */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Creates a cluster and waits until every node is Ready; a create that fails leaves nothing behind.
     *
     * @param spec what to create
     * @return the running cluster
     * @throws KubicleException with {@link ExitCode#INVALID_INPUT} when the name is taken,
     *                          {@link ExitCode#UNEXPECTED_STATE} when a step fails
     */
    public ClusterHandle create(ClusterSpec spec) {
        clusters.create(spec.config(), CreateOptions.defaults(), Map.of(SPEC_HASH_LABEL, spec.hash()));
        return handle(spec.name());
    }

    /**
     * @param name a cluster's name
     * @return the cluster of that name, running or stopped, or empty when there is none
     */
    public Optional<ClusterHandle> find(String name) {
        // Asked by the cluster's label rather than through list(), which inspects every cluster's volumes: finding
        // a reused cluster is on the path of every test run.
        Map<String, String> labels = Labels.ofCluster(name);
        boolean exists = !provider.listNodes(labels).isEmpty() || !provider.volumes(labels).isEmpty();
        return exists ? Optional.of(handle(name)) : Optional.empty();
    }

    /** @return the names of every cluster on the engine, sorted */
    public List<String> list() {
        return clusters.list();
    }

    /**
     * Deletes a cluster: its containers, volumes, network and kubeconfig entries.
     *
     * @param name a cluster's name
     * @return whether there was such a cluster
     */
    public boolean delete(String name) {
        return clusters.delete(name);
    }

    /**
     * Saves a stopped cluster as a named snapshot: a copy of every node's state (etcd, certificates, the kubelet's
     * and containerd's files, images loaded into the nodes) and of how each node is made. A failed or interrupted
     * save leaves no part of it.
     *
     * @param cluster  a stopped cluster's name (see {@link ClusterHandle#stop()})
     * @param snapshot the new snapshot's name: lower-case letters, digits, '-', '_' and '.'
     * @throws KubicleException with {@link ExitCode#INVALID_INPUT} for a name taken or not valid,
     *                          {@link ExitCode#UNEXPECTED_STATE} for a cluster that is missing or running
     */
    public void saveSnapshot(String cluster, String snapshot) {
        snapshots.save(cluster, snapshot);
    }

    /**
     * Brings a snapshot's cluster back to the state of the save under its own name and addresses, replacing the
     * stopped cluster of that name (or making it again if it was deleted), and waits until every node is Ready. A
     * failed restore removes the cluster it made; the snapshot is unchanged.
     *
     * @param snapshot a snapshot's name
     * @return the running cluster
     * @throws KubicleException with {@link ExitCode#INVALID_INPUT} for an unknown snapshot,
     *                          {@link ExitCode#UNEXPECTED_STATE} when its cluster runs or a step fails
     */
    public ClusterHandle restoreSnapshot(String snapshot) {
        return handle(snapshots.restore(snapshot, CreateOptions.DEFAULT_WAIT_READY, false));
    }

    /** @return the names of every snapshot on the engine, sorted */
    public List<String> snapshots() {
        return snapshots.list().stream().map(SnapshotSummary::name).toList();
    }

    /**
     * Deletes a snapshot's copies; its cluster is not touched.
     *
     * @param snapshot a snapshot's name
     * @return whether there was such a snapshot
     */
    public boolean deleteSnapshot(String snapshot) {
        return snapshots.delete(snapshot);
    }

    /** Closes the connection to the engine; handles made through it stop working. */
    @Override
    public void close() {
        provider.close();
    }

    private ClusterHandle handle(String name) {
        return new ClusterHandle(name, provider, progress, clusters);
    }

    /** Settings of a connection; each has a default. */
    public static final class Builder {
        private PrintStream progressOut;
        private Path kubeconfigFile;
        private String provider;

        private Builder() {
        }

        /**
         * @param engine the engine the nodes run on: "docker", "podman" or "auto" (the first that answers, Docker
         *               first); default: the environment variable {@code KUBICLE_PROVIDER}, else auto
         * @return this builder
         */
        public Builder provider(String engine) {
            this.provider = Objects.requireNonNull(engine);
            return this;
        }

        /**
         * @param out where to show each step as the command line does (default: nowhere)
         * @return this builder
         */
        public Builder progressTo(PrintStream out) {
            this.progressOut = Objects.requireNonNull(out);
            return this;
        }

        /**
         * @param file the kubeconfig file a create writes the cluster's entries into and a delete removes them
         *             from, instead of {@code $KUBECONFIG} or {@code ~/.kube/config}
         * @return this builder
         */
        public Builder kubeconfigFile(Path file) {
            this.kubeconfigFile = file.toAbsolutePath();
            return this;
        }

        /**
         * @return a connected entry point
         * @throws KubicleException with {@link ExitCode#UNEXPECTED_STATE} when no engine answers, with
         *                          {@link ExitCode#INVALID_INPUT} for an unknown provider
         */
        public Kubicle connect() {
            Progress progress = progressOut == null ? Progress.silent()
                    : new ConsoleProgress(progressOut, Verbosity.NORMAL, false);
            KubeconfigFiles kubeconfigs = kubeconfigFile == null ? KubeconfigFiles.fromEnvironment()
                    : new KubeconfigFiles(kubeconfigFile.toString(), kubeconfigFile.getParent());
            return new Kubicle(ProviderFactory.connect(provider), progress, kubeconfigs);
        }
    }
}
