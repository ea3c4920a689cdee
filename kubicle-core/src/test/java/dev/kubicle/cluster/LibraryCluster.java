package dev.kubicle.cluster;

import dev.kubicle.cluster.internal.kubeadm.Kubectl;
import dev.kubicle.config.Cluster;
import dev.kubicle.kubeconfig.KubeconfigFiles;
import dev.kubicle.nodeimage.OfflineNodeImages;
import dev.kubicle.progress.Progress;
import dev.kubicle.provider.ExecRequest;
import dev.kubicle.provider.ExecResult;
import dev.kubicle.provider.Provider;
import dev.kubicle.provider.docker.DockerProvider;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One cluster of a test class ({@code @RegisterExtension static}), made through the library as a Java user would, on
 * the real engine, with a kubeconfig of its own in a temporary directory. Whatever an earlier run left under its name
 * is deleted before the class; the cluster is deleted after it.
 */
final class LibraryCluster implements BeforeAllCallback, AfterAllCallback {
    private final String name;
    private Provider docker;
    private Clusters clusters;
    private Path dir;

    LibraryCluster(String name) {
        this.name = name;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("kubicle-" + name);
        docker = DockerProvider.connect();
        clusters = new Clusters(docker, Progress.silent(), new OfflineNodeImages(),
                new KubeconfigFiles(dir.resolve("kubeconfig").toString(), dir));
        clusters.delete(name);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        clusters.delete(name);
        docker.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    void create(Cluster config, Duration waitReady) {
        clusters.create(config, CreateOptions.defaults().withWaitReady(waitReady));
    }

    String controlPlane() {
        return name + "-control-plane";
    }

    /** Runs a command in the control-plane node; it must succeed. */
    String run(String... command) {
        ExecResult result = docker.exec(controlPlane(), ExecRequest.of(command));
        assertThat(result.ok()).as(String.join(" ", command) + ": " + result.stdout() + result.stderr()).isTrue();
        return result.stdout().strip();
    }

    /** kubectl with the cluster admin's credentials, in the control-plane node. */
    String kubectl(String... arguments) {
        return run(Kubectl.command(arguments));
    }

}
