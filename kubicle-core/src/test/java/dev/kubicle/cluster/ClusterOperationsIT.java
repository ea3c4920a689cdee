package dev.kubicle.cluster;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.cluster.internal.ActionContext;
import dev.kubicle.cluster.internal.ClusterCreator;
import dev.kubicle.cluster.internal.Pipeline;
import dev.kubicle.cluster.internal.create.EnsureNodeImagesAction;
import dev.kubicle.cluster.internal.create.ProvisionNodesAction;
import dev.kubicle.cluster.internal.create.WaitForNodesBootedAction;
import dev.kubicle.config.Node;
import dev.kubicle.kubeadm.JoinSecrets;
import dev.kubicle.kubeadm.KubeadmConfigInput;
import dev.kubicle.kubeadm.KubeadmConfigRenderer;
import dev.kubicle.kubeconfig.KubeconfigFiles;
import dev.kubicle.nodeimage.OfflineNodeImages;
import dev.kubicle.progress.ConsoleProgress;
import dev.kubicle.progress.Progress;
import dev.kubicle.progress.Verbosity;
import dev.kubicle.provider.ExecRequest;
import dev.kubicle.provider.docker.DockerProvider;
import dev.kubicle.provider.docker.TarWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Image loading and log export against the real engine, on one cluster of two nodes that boot systemd and
 * containerd without Kubernetes (the base image), which is all both operations need.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterOperationsIT {
    private static final String PLANTED_POD_LOG = "/var/log/pods/kube-system_planted_0/planted/0.log";
    private static final String PRIVATE_KEY = """
            -----BEGIN EC PRIVATE KEY-----
            MHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5oWnkcY3Jl2GNoAoGCCqGSM49
            -----END EC PRIVATE KEY-----
            """;
    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final String cluster = "ops-it" + run;
    /** The base image plus /kind/version, which its entrypoint reads on cgroup v1 hosts. */
    private final String nodeImage = "ops-it/node:" + run;
    private final String payload = "ops-it/payload:" + run;
    /** The payload and one layer more. */
    private final String layered = "ops-it/layered:" + run;
    /** The payload and another layer, loaded from a saved archive. */
    private final String archived = "ops-it/archived:" + run;
    /** The payload and a layer whose loads fail. */
    private final String unloaded = "ops-it/unloaded:" + run;
    private final String controlPlane = cluster + "-control-plane";
    private final String worker = cluster + "-worker";
    private DockerProvider provider;
    private ImageLoader loader;

    @TempDir
    Path dir;
    /** Where the delete at the end cleans kubeconfigs: never the user's own. */
    @TempDir
    static Path kubeconfigs;

    @BeforeAll
    void createClusterAndTestImages() throws IOException {
        provider = DockerProvider.connect();
        // On a fresh machine this test may run before anything else has built the base image.
        new OfflineNodeImages().build(OfflineNodeImages.BASE_ALIAS, provider, Progress.silent());
        provider.buildImage(new ByteArrayInputStream(nodeImageContext()), nodeImage);
        provider.importImage(new ByteArrayInputStream(busyboxRootfs()), payload, List.of("CMD [\"/bin/busybox\"]"));
        Node base = new Node("control-plane", nodeImage, Map.of(), List.of(), List.of(), List.of(), List.of(), null, null);
        Node workerNode = new Node("worker", nodeImage, Map.of(), List.of(), List.of(), List.of(), List.of(), null, null);
        ClusterPlan plan = ClusterPlanner.plan(TestConfigs.cluster(cluster, null, base, workerNode));
        // Only the steps up to booted nodes: Kubernetes is not needed to load images or export logs.
        Pipeline<ActionContext> bootOnly = new Pipeline<>(List.of(
                new EnsureNodeImagesAction(plan.nodes(), NodeImageBuilder.none(), false),
                new ProvisionNodesAction(plan.nodes().size()),
                new WaitForNodesBootedAction(Duration.ofSeconds(90))));
        new ClusterCreator(provider, Progress.silent(), new KubeconfigFiles(null, kubeconfigs))
                .create(plan, bootOnly, false);
        loader = new ImageLoader(provider, Progress.silent());
    }

    @AfterAll
    void deleteEverythingThisRunMade() throws IOException, InterruptedException {
        if (provider == null) {
            return;
        }
        new Clusters(provider, Progress.silent(), NodeImageBuilder.none(),
                new KubeconfigFiles(kubeconfigs.resolve("config").toString(), kubeconfigs)).delete(cluster);
        provider.close();
        // The Provider has no image removal (kubicle never deletes images); the CLI sweeps the test's own.
        new ProcessBuilder("docker", "rmi", "-f", nodeImage, layered, archived, unloaded, payload).inheritIO()
                .start().waitFor();
    }

    @Test
    @Order(1)
    void loadsAnEngineImageIntoEachNodesContainerd() {
        LoadReport report = loader.loadEngineImages(cluster, List.of(payload), List.of());

        assertThat(report.loaded()).containsExactlyInAnyOrder(controlPlane, worker);
        assertThat(report.skipped()).isEmpty();
        for (String node : List.of(controlPlane, worker)) {
            assertThat(run(node, "ctr", "-n", "k8s.io", "images", "ls", "-q")).contains("docker.io/" + payload);
        }
    }

    @Test
    @Order(2)
    void loadingTheSameImageAgainSkipsEveryNode() {
        LoadReport report = loader.loadEngineImages(cluster, List.of(payload), List.of());

        assertThat(report.loaded()).isEmpty();
        assertThat(report.skipped()).containsExactlyInAnyOrder(controlPlane, worker);
    }

    @Test
    @Order(3)
    void anImageOnTopOfALoadedOneSendsOnlyItsNewLayerAndRunsInEachNode() {
        provider.buildImage(new ByteArrayInputStream(imageContextAbovePayload("layer above busybox", "/added")),
                layered);
        ByteArrayOutputStream verbose = new ByteArrayOutputStream();
        Progress progress = new ConsoleProgress(new PrintStream(verbose, true, StandardCharsets.UTF_8),
                Verbosity.VERBOSE, false);

        LoadReport report = new ImageLoader(provider, progress).loadEngineImages(cluster, List.of(layered), List.of());

        assertThat(report.loaded()).containsExactlyInAnyOrder(controlPlane, worker);
        String shown = verbose.toString(StandardCharsets.UTF_8);
        // Read from the engine's storage rather than saved by the engine: the busybox layer is neither read nor sent.
        assertThat(shown).contains("Finding which of the images' 2 layers 2 nodes lack")
                .containsPattern("Sending 1 layer \\(0\\.0 MB\\) from the docker engine's storage into 2 nodes")
                .doesNotContain("Streaming");
        for (String node : List.of(controlPlane, worker)) {
            // What -v shows of the node's import, from its first line to its last.
            int start = shown.indexOf("[" + node + "] sh -c set -e");
            String script = shown.substring(start, shown.indexOf("cd / && rm -rf", start));
            // The busybox layer came with the payload image; only the layer above it is placed.
            assertThat(script.split("ln -f ", -1)).hasSize(2);
            assertThat(run(node, "ctr", "-n", "k8s.io", "images", "check")).containsPattern(
                    "docker.io/" + Pattern.quote(layered) + " .* complete \\(3/3\\) .* true");
            assertThat(run(node, "ctr", "-n", "k8s.io", "run", "--rm", "docker.io/" + layered, "ops-it-run" + run,
                    "/bin/busybox", "cat", "/added")).isEqualTo("layer above busybox\n");
            assertThat(run(node, "ctr", "-n", "k8s.io", "images", "ls", "-q")).doesNotContain("kubicle.internal");
            assertThat(run(node, "ls", "/var/lib/containerd/io.containerd.content.v1.content"))
                    .doesNotContain("kubicle-load");
        }
    }

    @Test
    @Order(4)
    void anArchiveOfTheSameImageIsRecognisedOnTheSelectedNode() throws IOException {
        Path archive = dir.resolve("payload.tar");
        try (InputStream saved = provider.saveImages(List.of(payload))) {
            Files.copy(saved, archive);
        }

        LoadReport report = loader.loadImageArchive(cluster, archive, List.of(worker));

        assertThat(report.loaded()).isEmpty();
        assertThat(report.skipped()).containsExactly(worker);
    }

    @Test
    @Order(5)
    void anArchiveOfAnImageOnTopOfALoadedOneSendsOnlyItsNewLayerFromTheFile() throws IOException {
        provider.buildImage(new ByteArrayInputStream(imageContextAbovePayload("from an archive", "/archived")),
                archived);
        Path archive = dir.resolve("archived.tar");
        try (InputStream saved = provider.saveImages(List.of(archived))) {
            Files.copy(saved, archive);
        }
        ByteArrayOutputStream shown = new ByteArrayOutputStream();
        Progress progress = new ConsoleProgress(new PrintStream(shown, true, StandardCharsets.UTF_8),
                Verbosity.NORMAL, false);

        LoadReport report = new ImageLoader(provider, progress).loadImageArchive(cluster, archive, List.of());

        assertThat(report.loaded()).containsExactlyInAnyOrder(controlPlane, worker);
        // The busybox layer is in both nodes since the first test: only the layer above it is read from the file.
        assertThat(shown.toString(StandardCharsets.UTF_8))
                .contains("Sending 1 layer (0.0 MB) from archived.tar into 2 nodes");
        for (String node : List.of(controlPlane, worker)) {
            assertThat(run(node, "ctr", "-n", "k8s.io", "run", "--rm", "docker.io/" + archived, "ops-it-arch" + run,
                    "/bin/busybox", "cat", "/archived")).isEqualTo("from an archive\n");
        }
    }

    @Test
    @Order(6)
    void aLayerThatIsNotWhatItsArchiveSaysFailsTheLoadAndLeavesNothingInTheNodes() throws IOException {
        provider.buildImage(new ByteArrayInputStream(imageContextAbovePayload("never loaded", "/never")), unloaded);
        byte[] saved;
        try (InputStream in = provider.saveImages(List.of(unloaded))) {
            saved = in.readAllBytes();
        }
        // The file's content inside the new layer's tar (the config holds the command, without the newline).
        int content = new String(saved, StandardCharsets.ISO_8859_1).indexOf("never loaded\n");
        saved[content] = 'N';
        Path archive = Files.write(dir.resolve("corrupt.tar"), saved);

        assertThatThrownBy(() -> loader.loadImageArchive(cluster, archive, List.of()))
                .isInstanceOf(KubicleException.class).hasMessageContaining("of " + archive + " came out as sha256:");

        assertNoTraceOfTheLoadIn(controlPlane, worker);
    }

    @Test
    @Order(7)
    void aLoadInterruptedAfterSendingRemovesWhatItStagedInEachNode() {
        ByteArrayOutputStream shown = new ByteArrayOutputStream();
        Progress console = new ConsoleProgress(new PrintStream(shown, true, StandardCharsets.UTF_8),
                Verbosity.NORMAL, false);
        // As a Ctrl-C between the sending and the import: the clean-up runs with the interrupt set. Everything else
        // goes to the console progress as it is.
        Progress interruptsTheImport = (Progress) Proxy.newProxyInstance(Progress.class.getClassLoader(),
                new Class<?>[] {Progress.class}, (proxy, method, args) -> {
                    if (method.getName().equals("startStep") && ((String) args[0]).startsWith("Importing")) {
                        Thread.currentThread().interrupt();
                    }
                    try {
                        return method.invoke(console, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });

        try {
            assertThatThrownBy(() -> new ImageLoader(provider, interruptsTheImport)
                    .loadEngineImages(cluster, List.of(unloaded), List.of()))
                    .isInstanceOf(KubicleException.class)
                    .satisfies(e -> assertThat(((KubicleException) e).exitCode()).isEqualTo(ExitCode.INTERRUPTED));
        } finally {
            assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
        }

        assertThat(shown.toString(StandardCharsets.UTF_8)).contains("✓ Sending 1 layer")
                .contains("✗ Importing into 2 nodes");
        assertNoTraceOfTheLoadIn(controlPlane, worker);
    }

    private void assertNoTraceOfTheLoadIn(String... nodes) {
        for (String node : nodes) {
            assertThat(run(node, "ls", "/var/lib/containerd/io.containerd.content.v1.content"))
                    .doesNotContain("kubicle-load");
            assertThat(run(node, "ctr", "-n", "k8s.io", "images", "ls", "-q")).doesNotContain("kubicle.internal")
                    .doesNotContain(unloaded);
        }
    }

    @Test
    @Order(8)
    void refusesUnknownNodesMissingImagesAndFilesThatAreNoArchive() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a tar\n".repeat(100));

        assertThatThrownBy(() -> loader.loadEngineImages(cluster, List.of(payload), List.of("nope")))
                .hasMessageContaining("node nope is not in cluster \"" + cluster + "\"")
                .hasMessageContaining(controlPlane + ", " + worker);
        assertThatThrownBy(() -> loader.loadEngineImages(cluster, List.of("ops-it/missing:" + run), List.of()))
                .hasMessageContaining("image ops-it/missing:" + run + " is not on the docker engine");
        assertThatThrownBy(() -> loader.loadImageArchive(cluster, text, List.of()))
                .hasMessageContaining("is not a tar archive");
        assertThatThrownBy(() -> loader.loadEngineImages("ops-none" + run, List.of(payload), List.of()))
                .isInstanceOf(KubicleException.class)
                .hasMessageContaining("there is no cluster named")
                .satisfies(e -> assertThat(((KubicleException) e).exitCode()).isEqualTo(ExitCode.UNEXPECTED_STATE));
    }

    @Test
    @Order(9)
    void exportsEachNodesJournalsListingsAndInspectDataButNoSecret() throws IOException {
        String token = plantSecrets();

        Path logs = new ClusterLogs(provider, Progress.silent()).export(cluster, dir.resolve("logs"), "kubicle vTest");

        assertNoSecretIn(logs, token);
        assertThat(logs.resolve(controlPlane).resolve("kind/kubeadm.conf")).content()
                .contains("kind: InitConfiguration", "token: <redacted>");
        assertThat(logs.resolve(controlPlane).resolve("kind/discovery.conf")).doesNotExist();
        assertThat(logs.resolve(controlPlane).resolve(PLANTED_POD_LOG.substring("/var/log/".length()))).content()
                .contains("<private key removed>", "client-key-data: <redacted>");

        assertThat(Files.readString(logs.resolve("kubicle-version.txt"))).isEqualTo("kubicle vTest\n");
        assertThat(Files.readString(logs.resolve("docker-version.txt"))).contains("ApiVersion");
        for (String node : List.of(controlPlane, worker)) {
            Path folder = logs.resolve(node);
            assertThat(folder.resolve("containerd.log")).isNotEmptyFile();
            assertThat(Files.readString(folder.resolve("containerd.log"))).contains("containerd");
            assertThat(folder.resolve("journal.log")).isNotEmptyFile();
            assertThat(folder.resolve("kubelet.log")).exists();
            assertThat(Files.readString(folder.resolve("ctr-images.txt"))).contains("docker.io/" + payload);
            assertThat(folder.resolve("ctr-containers.txt")).exists();
            assertThat(folder.resolve("ctr-tasks.txt")).exists();
            assertThat(Files.readString(folder.resolve("inspect.json"))).contains("\"Name\" : \"/" + node + "\"");
            assertThat(Files.readString(folder.resolve("container.log"))).contains("detected cgroup");
            assertThat(Files.readString(folder.resolve("kind/version"))).startsWith("v0.0.0-ops-it");
        }
    }

    @Test
    @Order(10)
    void exportingAClusterThatDoesNotExistFailsWithOneLine() {
        assertThatThrownBy(() -> new ClusterLogs(provider, Progress.silent()).export("ops-none" + run, "v"))
                .hasMessage("there is no cluster named \"ops-none" + run
                        + "\"; 'kubicle get clusters' lists the clusters there are");
    }

    /**
     * Puts secrets where a real cluster's node has them: a kubeadm config with a bootstrap token, a discovery
     * kubeconfig with a client key, and a private key, a client key and the token in a pod's log and the journal.
     *
     * @return the bootstrap token
     */
    private String plantSecrets() {
        Node node = new Node("control-plane", nodeImage, Map.of(), List.of(), List.of(), List.of(), List.of(), null, null);
        JoinSecrets secrets = JoinSecrets.generate();
        String kubeadmConfig = KubeadmConfigRenderer.render(KubeadmConfigInput.forNode(
                TestConfigs.cluster(cluster, null, node), node, controlPlane, "172.18.0.2", true, "v1.37.2",
                controlPlane + ":6443", true, secrets));
        String clientKey = "client-key-data: " + Base64.getEncoder().encodeToString(PRIVATE_KEY.getBytes(
                StandardCharsets.UTF_8));
        String podLog = PRIVATE_KEY + clientKey + "\nkubeadm join --token " + secrets.bootstrapToken() + "\n";
        provider.writeFile(controlPlane, "/kind/kubeadm.conf", kubeadmConfig.getBytes(StandardCharsets.UTF_8), 0600);
        provider.writeFile(controlPlane, "/kind/discovery.conf", ("users:\n- name: x\n  user:\n    " + clientKey
                + "\n").getBytes(StandardCharsets.UTF_8), 0600);
        provider.writeFile(controlPlane, PLANTED_POD_LOG, podLog.getBytes(StandardCharsets.UTF_8), 0644);
        run(controlPlane, "sh", "-c", "printf '%s' \"$1\" | systemd-cat -t planted", "sh", podLog);
        assertThat(run(controlPlane, "journalctl", "--no-pager", "-t", "planted")).contains(secrets.bootstrapToken());
        return secrets.bootstrapToken();
    }

    private static void assertNoSecretIn(Path tree, String token) throws IOException {
        Pattern clientKey = Pattern.compile("client-key-data:\\s*(?!<redacted>)\\S");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(tree)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).hasSizeGreaterThan(10);
        for (Path file : files) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertThat(text).as(file.toString()).doesNotContain("PRIVATE KEY").doesNotContain(token)
                    .doesNotContainPattern(clientKey);
        }
    }

    private String run(String node, String... command) {
        var result = provider.exec(node, ExecRequest.of(command));
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        return result.stdout();
    }

    private static byte[] nodeImageContext() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarWriter tar = new TarWriter(out)) {
            tar.file("Dockerfile", "FROM kubicle/base:latest\nCOPY version /kind/version\n"
                    .getBytes(StandardCharsets.UTF_8), 0644);
            // Not a Kubernetes version, so the entrypoint leaves the kubelet's settings alone.
            tar.file("version", "v0.0.0-ops-it\n".getBytes(StandardCharsets.UTF_8), 0644);
        }
        return out.toByteArray();
    }

    /** The payload and one layer more, which writes {@code line} to {@code file}. */
    private byte[] imageContextAbovePayload(String line, String file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarWriter tar = new TarWriter(out)) {
            tar.file("Dockerfile", ("FROM " + payload + "\nRUN [\"/bin/busybox\", \"sh\", \"-c\", "
                    + "\"echo " + line + " > " + file + "\"]\n").getBytes(StandardCharsets.UTF_8), 0644);
        }
        return out.toByteArray();
    }

    private static byte[] busyboxRootfs() throws IOException {
        byte[] busybox = Files.readAllBytes(Path.of("/bin/busybox"));
        ByteArrayOutputStream out = new ByteArrayOutputStream(busybox.length + 4096);
        try (TarWriter tar = new TarWriter(out)) {
            tar.directory("bin", 0755);
            tar.file("bin/busybox", busybox, 0755);
        }
        return out.toByteArray();
    }
}
