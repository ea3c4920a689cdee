package dev.kubicle.cli;

import dev.kubicle.cluster.ClusterPlanner;
import dev.kubicle.cluster.Labels;
import dev.kubicle.cluster.internal.services.ServiceRouting;
import dev.kubicle.progress.Progress;
import dev.kubicle.provider.Provider;
import dev.kubicle.provider.factory.ProviderFactory;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One real cluster for an end-to-end test class, made and deleted through the packaged command line with
 * {@code KUBECONFIG} naming a file of the test's own, and used through kubectl on the host. When a test fails, it
 * prints what the cluster looked like, so a failure in CI can be understood from the log alone.
 */
final class E2ECluster implements BeforeAllCallback, AfterAllCallback, TestWatcher {
    /**
     * An entry of someone else's that kubicle must keep while it adds and removes its own (scripts/reliability.sh
     * starts from the same file).
     */
    static final String FOREIGN_KUBECONFIG = resource("/foreign-kubeconfig.yaml");

    private final String name;
    private final String config;
    private final String provider;
    private final String dockerHost;
    private Path directory;
    private Provider docker;
    private HostKubectl kubectl;
    private boolean deleted;
    private Duration createTime;

    /** @param config the cluster's config file; its name must be {@code name} */
    E2ECluster(String name, String config) {
        this(name, config, "docker");
    }

    /** @param provider the engine the nodes run on, as {@code KUBICLE_PROVIDER} names it for every command */
    E2ECluster(String name, String config, String provider) {
        this(name, config, provider, null);
    }

    private E2ECluster(String name, String config, String provider, String dockerHost) {
        this.name = name;
        this.config = config;
        this.provider = provider;
        this.dockerHost = dockerHost;
    }

    /**
     * A cluster whose every command connects to the Docker engine at {@code dockerHost} (DOCKER_HOST), such as one
     * of the engines a cluster is spread over; the test's own view of the engine then covers all of them.
     */
    static E2ECluster onDockerHost(String name, String config, String dockerHost) {
        return new E2ECluster(name, config, "docker", dockerHost);
    }

    /**
     * A cluster of a control plane and {@code workers} workers in kind's own config format; more for the last worker
     * may follow.
     */
    static String kindConfig(String name, int workers) {
        return """
                kind: Cluster
                apiVersion: kind.x-k8s.io/v1alpha4
                name: %s
                nodes:
                - role: control-plane
                """.formatted(name) + "- role: worker\n".repeat(workers);
    }

    private static String resource(String name) {
        try (InputStream in = E2ECluster.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String name() {
        return name;
    }

    Path kubeconfig() {
        return directory.resolve("kubeconfig");
    }

    /** The engine the nodes run on (Docker, unless the test named another). */
    Provider docker() {
        return docker;
    }

    HostKubectl kubectl() {
        return kubectl;
    }

    /** How long the create through the command line took, until it returned with every node Ready. */
    Duration createTime() {
        return createTime;
    }

    /** Waits until every node routes the Service to all its ready endpoints (see {@link ServiceRouting}). */
    void awaitService(String namespace, String service) {
        new ServiceRouting(docker, Progress.silent()).await(name, namespace, service, Duration.ofMinutes(2));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        directory = Files.createTempDirectory("kubicle-" + name);
        // A run killed half-way leaves its cluster behind; this one must start from nothing.
        cli("delete", "cluster", "--name", name);
        Files.writeString(kubeconfig(), FOREIGN_KUBECONFIG);
        Path configFile = directory.resolve("cluster.yaml");
        Files.writeString(configFile, config);

        long start = System.nanoTime();
        CliRun create = cli(createArguments(configFile));
        createTime = Duration.ofNanos(System.nanoTime() - start);
        log("create took " + seconds(start) + "\n" + create.err());
        assertThat(create.exitCode()).as("kubicle create failed:\n%s", create.err()).isZero();
        // After the create: connected to one engine of a spread cluster, kubicle finds the others by its network.
        docker = dockerHost == null ? ProviderFactory.connect(provider) : ProviderFactory.connectDocker(dockerHost);
        assertPrivilegeModeExpectedByTheRun();
        kubectl = HostKubectl.using(kubeconfig());
    }

    /**
     * The create command; {@code -Dkubicle.e2e.image=NAME:TAG} makes the nodes from that image instead of the
     * default one, for a machine whose engine holds another checkout's build of the default tag (several checkouts
     * sharing one engine rebuild it in turn otherwise).
     */
    private static String[] createArguments(Path configFile) {
        String image = System.getProperty("kubicle.e2e.image", "");
        return image.isBlank() ? new String[] {"create", "cluster", "--config", configFile.toString()}
                : new String[] {"create", "cluster", "--config", configFile.toString(), "--image", image};
    }

    /**
     * scripts/test.sh runs the end-to-end test a second time on an engine that grants --privileged, and says so
     * through KUBICLE_EXPECT_PRIVILEGE: the nodes must then really be privileged containers, not the fallback.
     */
    private void assertPrivilegeModeExpectedByTheRun() {
        String expected = System.getenv("KUBICLE_EXPECT_PRIVILEGE");
        if (expected == null) {
            return;
        }
        boolean privileged = docker.inspectJson(name + "-control-plane").matches("(?s).*\"Privileged\"\\s*:\\s*true.*");
        assertThat(privileged ? "PRIVILEGED" : "EMULATED").as("privilege mode of the nodes").isEqualTo(expected);
    }

    /**
     * Deletes through the command line, then checks that nothing of the cluster is left on the engine or in the
     * kubeconfig, and that the entries kubicle did not make are still there.
     */
    void deleteAndAssertGone() throws IOException {
        long start = System.nanoTime();
        CliRun delete = cli("delete", "cluster", "--name", name);
        log("delete took " + seconds(start));
        deleted = true;

        assertThat(delete.exitCode()).as(delete.err()).isZero();
        assertThat(docker.listNodes(Labels.ofCluster(name))).isEmpty();
        assertThat(docker.inspectNode(name + "-control-plane")).isEmpty();
        assertThat(docker.volumes(Labels.ofCluster(name))).isEmpty();
        assertThat(docker.network(ClusterPlanner.networkName(name))).isEmpty();
        String kubeconfig = Files.readString(kubeconfig());
        assertThat(kubeconfig).doesNotContain(name).contains("name: elsewhere");
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (kubectl == null || deleted) {
            return;
        }
        StringBuilder report = new StringBuilder("diagnostics after " + context.getDisplayName() + " failed:\n");
        for (List<String> args : List.of(List.of("get", "nodes", "-o", "wide"),
                List.of("get", "pods", "-A", "-o", "wide"),
                List.of("get", "services,endpointslices,pvc,pv", "-A", "-o", "wide"),
                List.of("describe", "pods", "-n", "default"),
                List.of("get", "events", "-A", "--sort-by=.lastTimestamp"))) {
            report.append("$ kubectl ").append(String.join(" ", args)).append('\n')
                    .append(kubectl.run(args.toArray(String[]::new))).append('\n');
        }
        log(report.toString());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (!deleted) {
                cli("delete", "cluster", "--name", name);
            }
        } finally {
            if (docker != null) {
                docker.close();
            }
            deleteDirectory();
        }
    }

    private void deleteDirectory() {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            log("could not remove " + directory + ": " + e);
        }
    }

    /** Runs the packaged command line with the test's own kubeconfig, on the test's engine. */
    CliRun cli(String... args) {
        Map<String, String> environment = new HashMap<>(Map.of("KUBECONFIG", kubeconfig().toString(),
                ProviderFactory.ENVIRONMENT, provider));
        if (dockerHost != null) {
            environment.put("DOCKER_HOST", dockerHost);
        }
        return CliRun.ofJar(environment, args);
    }

    static String seconds(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis() / 100 / 10.0 + " s";
    }

    void log(String message) {
        System.out.println("[" + name + "] " + message);
    }
}
