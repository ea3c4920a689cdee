package dev.kubicle.junit5;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.api.ClusterHandle;
import dev.kubicle.api.ClusterSpec;
import dev.kubicle.api.Kubicle;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One cluster and the connection it was made through, shared by every test class of the run that asks for its
 * spec. Kept in JUnit's root store, which closes it when the run ends: the cluster is deleted then, unless reused.
 * JUnit 5.13 and later close a stored {@link AutoCloseable}, earlier ones a {@code CloseableResource}: it is both.
 */
final class SharedCluster implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    private final Kubicle kubicle;
    private final ClusterHandle handle;
    private final Path kubeconfig;
    private final boolean reuse;

    private SharedCluster(Kubicle kubicle, ClusterHandle handle, Path kubeconfig, boolean reuse) {
        this.kubicle = kubicle;
        this.handle = handle;
        this.kubeconfig = kubeconfig;
        this.reuse = reuse;
    }

    /**
     * Makes the cluster, or with reuse finds the one an earlier run left (started again if stopped); one made from
     * another spec under the same name is replaced, one kubicle-junit5 did not make is refused.
     */
    static SharedCluster start(ClusterRequest request, Path workDirectory) {
        ClusterSpec spec = request.spec();
        Path kubeconfig = workDirectory.resolve("kubicle").resolve(spec.name()).resolve("kubeconfig").toAbsolutePath();
        Kubicle kubicle = Kubicle.builder().progressTo(System.err).kubeconfigFile(kubeconfig).connect();
        try {
            ClusterHandle handle = (request.reuse() ? reusable(kubicle, spec) : Optional.<ClusterHandle>empty())
                    .orElseGet(() -> kubicle.create(spec));
            handle.writeKubeconfig(kubeconfig);
            return new SharedCluster(kubicle, handle, kubeconfig, request.reuse());
        } catch (RuntimeException e) {
            kubicle.close();
            throw e;
        }
    }

    private static Optional<ClusterHandle> reusable(Kubicle kubicle, ClusterSpec spec) {
        Optional<ClusterHandle> found = kubicle.find(spec.name());
        if (found.isEmpty()) {
            return found;
        }
        ClusterHandle cluster = found.get();
        Optional<String> hash = cluster.specHash();
        if (hash.isEmpty()) {
            throw new KubicleException(ExitCode.INVALID_INPUT, "a cluster named \"" + spec.name() + "\" exists that "
                    + "kubicle did not make for a test; delete it ('kubicle delete cluster --name " + spec.name()
                    + "') or give the test's cluster another name");
        }
        if (!hash.get().equals(spec.hash())) {
            System.err.println("kubicle: cluster \"" + spec.name() + "\" was made from another spec; making it anew");
            cluster.delete();
            return Optional.empty();
        }
        if (!cluster.running()) {
            cluster.start();
        }
        return found;
    }

    ClusterHandle handle() {
        return handle;
    }

    Path kubeconfig() {
        return kubeconfig;
    }

    /** Deletes the cluster unless it is to be reused, then lets go of the engine. */
    @Override
    public void close() {
        try {
            if (!reuse) {
                handle.delete();
            }
        } finally {
            kubicle.close();
        }
    }
}
