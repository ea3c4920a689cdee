package dev.kubicle.provider.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.core.RemoteApiVersion;
import dev.kubicle.provider.ExecRequest;
import dev.kubicle.provider.ExecResult;
import dev.kubicle.provider.NetworkInfo;
import dev.kubicle.provider.NetworkSpec;
import dev.kubicle.provider.NodeInfo;
import dev.kubicle.provider.NodeSpec;
import dev.kubicle.provider.PortSpec;
import dev.kubicle.provider.NodePrivileges;
import dev.kubicle.provider.PrivilegeMode;
import dev.kubicle.provider.StoredImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DockerProvider against the real engine: a network with a fixed subnet, two nodes with static addresses (started
 * in parallel, so they also exercise the privilege decision), and everything the cluster code does to them. Nodes
 * run a busybox image imported here, since no registry is reachable and the real node image is built elsewhere.
 * Everything made carries {@code dev.kubicle.test=<run id>} and is swept away afterwards, whatever happened.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DockerProviderIT {
    static final String TEST_LABEL = "dev.kubicle.test";
    static final String IMAGE = "kubicle-test/busybox:it";
    /** busybox from Debian's busybox-static package: static, so it runs in an otherwise empty image. */
    static final String BUSYBOX = "/bin/busybox";
    static final List<String> APPLETS = List.of("sh", "cat", "echo", "sleep", "hostname", "stat", "wc", "head",
            "httpd", "wget", "timeout", "mkdir", "ls", "ip", "env", "true");

    private final String run = "it" + UUID.randomUUID().toString().substring(0, 6);
    private final Map<String, String> labels = Map.of(TEST_LABEL, run);
    private final String network = "kubicle-" + run;
    private final String first = run + "-control-plane";
    private final String second = run + "-worker";
    private final List<String> imagesMade = new ArrayList<>();
    private DockerProvider provider;
    private String subnetPrefix;

    @BeforeAll
    void connectAndImportTheTestImage() throws IOException {
        provider = DockerProvider.connect();
        imagesMade.add(IMAGE);
        provider.importImage(new ByteArrayInputStream(busyboxRootfs()), IMAGE, List.of(
                    "ENV PATH=/bin",
                    // Exits on SIGRTMIN+3 (signal 37), the stop signal nodes get, as systemd would.
                    "ENTRYPOINT [\"/bin/sh\", \"-c\", \"trap 'exit 0' TERM 37; while true; do sleep 1 & wait $!; done\"]"));
    }

    @AfterAll
    void sweepEverythingThisRunMade() {
        if (provider == null) {
            return;
        }
        provider.listNodes(labels).forEach(node -> provider.deleteNode(node.name()));
        provider.volumes(labels).forEach(provider::deleteVolume);
        provider.networks(labels).forEach(found -> provider.deleteNetwork(found.name()));
        DockerClient client = engine().client();
        for (String image : imagesMade) {
            try {
                client.removeImageCmd(image).withForce(true).exec();
            } catch (DockerException alreadyGone) {
                // Nothing to sweep.
            }
        }
        provider.close();
    }

    @Test
    @Order(1)
    void speaksTheHighestApiVersionTheEngineAndDockerJavaShare() {
        EngineConnection engine = engine();
        String serverApi = engine.raw().get("/version").path("ApiVersion").asText();
        String expected = RemoteApiVersion.parseConfig(serverApi)
                .isGreater(ApiVersions.HIGHEST_CLIENT) ? ApiVersions.HIGHEST_CLIENT.getVersion() : serverApi;

        assertThat(engine.apiVersion().getVersion()).isEqualTo(expected);
        assertThat(provider.describe()).contains("(API " + expected + ")");
    }

    @Test
    @Order(2)
    void createsABridgeNetworkWithAFixedSubnetAndItsLabels() {
        createNetworkOnAFreeSubnet();

        NetworkInfo created = provider.network(network).orElseThrow();
        assertThat(created.subnet()).isEqualTo(subnetPrefix + ".0/24");
        assertThat(created.labels()).containsEntry(TEST_LABEL, run);
        assertThat(provider.networks(labels)).extracting(NetworkInfo::name).containsExactly(network);
        assertThat(provider.networks(Map.of(TEST_LABEL, ""))).extracting(NetworkInfo::name).contains(network);
        assertThat(provider.network(network + "-missing")).isEmpty();
    }

    @Test
    @Order(3)
    void runsTwoNodesInParallelWithStaticAddressesAndTheirOwnHostnames() throws Exception {
        List<NodeSpec> specs = List.of(
                node(first, subnetPrefix + ".10", List.of(new PortSpec("127.0.0.1", 0, 8080, "tcp"))),
                node(second, subnetPrefix + ".11", List.of()));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> started = new ArrayList<>();
            for (NodeSpec spec : specs) {
                started.add(pool.submit(() -> provider.runNode(spec)));
            }
            for (Future<?> node : started) {
                node.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(provider.inspectNode(first).orElseThrow().ip()).isEqualTo(subnetPrefix + ".10");
        assertThat(provider.inspectNode(second).orElseThrow().ip()).isEqualTo(subnetPrefix + ".11");
        assertThat(provider.exec(second, ExecRequest.of("hostname")).stdout().strip()).isEqualTo(second);
    }

    @Test
    @Order(4)
    void nodesGetThePrivilegesTheEngineAllowsAndAFreshProbeAgrees() {
        NodePrivileges privileges = provider.nodePrivileges();
        InspectContainerResponse container = engine().client().inspectContainerCmd(first).exec();

        assertThat(container.getHostConfig().getPrivileged())
                .isEqualTo(privileges.mode() == PrivilegeMode.PRIVILEGED);
        if (privileges.mode() == PrivilegeMode.EMULATED) {
            // Exactly what the host's bounding set lacks: this JVM runs on the engine's host and shares its set.
            assertThat(privileges.unavailableCapabilities()).isNotEmpty().isEqualTo(
                    Capabilities.missingFromThisProcess().stream().map(Capabilities::linuxName).toList());
            assertThat(container.getHostConfig().getCapDrop()).containsExactly(
                    Capabilities.fromLinuxNames(privileges.unavailableCapabilities()));
            assertThat(engine().raw().get("/containers/" + first + "/json").at("/HostConfig/MaskedPaths")).isEmpty();
            // Unmasked system paths: /proc/sys is writable, as systemd and the kubelet need.
            assertThat(provider.exec(first, ExecRequest.of("sh", "-c",
                    "echo 1 > /proc/sys/net/ipv4/ip_forward")).exitCode()).isZero();
        }
        try (DockerProvider fresh = DockerProvider.connect()) {
            assertThat(fresh.nodePrivileges()).isEqualTo(privileges);
        }
        assertThat(engine().client().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of("dev.kubicle.probe", "privileges")).exec()).isEmpty();
    }

    @Test
    @Order(5)
    void execCapturesStdoutStderrAndTheExitCodeWithoutThrowing() {
        ExecResult result = provider.exec(first, new ExecRequest(
                List.of("sh", "-c", "echo out; echo err >&2; echo $GREETING; exit 3"), new byte[0],
                Map.of("GREETING", "hello from env")));

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.ok()).isFalse();
        assertThat(result.stdout()).isEqualTo("out\nhello from env\n");
        assertThat(result.stderr()).isEqualTo("err\n");
    }

    @Test
    @Order(6)
    void execFeedsStdinAndTheCommandSeesItsEnd() {
        byte[] input = "line one\nline two\n".getBytes(StandardCharsets.UTF_8);
        byte[] large = new byte[3 * 1024 * 1024 + 17];
        ThreadLocalRandom.current().nextBytes(large);

        assertThat(provider.exec(first, ExecRequest.of("cat").withStdin(input)).stdout())
                .isEqualTo("line one\nline two\n");
        ExecResult counted = provider.exec(first, ExecRequest.of("wc", "-c").withStdin(large));
        assertThat(counted.stdout().strip()).isEqualTo(Integer.toString(large.length));
        assertThat(counted.exitCode()).isZero();
        assertThat(provider.exec(first, ExecRequest.of("sh", "-c", "head -c 1 >/dev/null; exit 7")
                .withStdin(large)).exitCode()).isEqualTo(7);
    }

    @Test
    @Order(7)
    void writeFileCreatesParentsAndKeepsTheMode() {
        provider.writeFile(first, "/etc/kubicle/deep/config.yaml", "kind: Test\n".getBytes(StandardCharsets.UTF_8),
                0640);

        assertThat(provider.exec(first, ExecRequest.of("cat", "/etc/kubicle/deep/config.yaml")).stdout())
                .isEqualTo("kind: Test\n");
        assertThat(provider.exec(first, ExecRequest.of("stat", "-c", "%a %u", "/etc/kubicle/deep/config.yaml"))
                .stdout().strip()).isEqualTo("640 0");
    }

    @Test
    @Order(8)
    void copyTarInUnpacksIntoTheNamedVarVolume() {
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        try (TarWriter tar = new TarWriter(archive)) {
            tar.directory("www", 0755)
                    .file("www/index.html", ("served by " + first + "\n").getBytes(StandardCharsets.UTF_8), 0644)
                    .symlink("www/alias.html", "index.html");
        }

        provider.copyTarIn(first, "/var", new ByteArrayInputStream(archive.toByteArray()));

        assertThat(provider.exec(first, ExecRequest.of("cat", "/var/www/alias.html")).stdout())
                .isEqualTo("served by " + first + "\n");
    }

    @Test
    @Order(9)
    void listsNodesByLabelAndInspectsAddressesAndRealHostPorts() throws Exception {
        assertThat(provider.listNodes(labels)).extracting(NodeInfo::name).containsExactly(first, second);
        assertThat(provider.listNodes(Map.of(TEST_LABEL, run, "dev.kubicle.role", "")))
                .extracting(NodeInfo::name).containsExactly(first, second);
        assertThat(provider.listNodes(Map.of(TEST_LABEL, run + "-other"))).isEmpty();

        NodeInfo node = provider.inspectNode(first).orElseThrow();
        assertThat(node.running()).isTrue();
        assertThat(node.image()).isEqualTo(IMAGE);
        assertThat(node.labels()).containsEntry(TEST_LABEL, run);
        assertThat(node.ports()).hasSize(1);
        PortSpec published = node.ports().get(0);
        assertThat(published.containerPort()).isEqualTo(8080);
        assertThat(published.protocol()).isEqualTo("tcp");
        assertThat(published.listenAddress()).isEqualTo("127.0.0.1");
        assertThat(published.hostPort()).isBetween(1, 65535);

        // The published port really reaches the node, and the nodes reach each other on the cluster network
        // (bounded by timeout: Debian's static busybox wget crashes on its own -T).
        assertThat(provider.exec(first, ExecRequest.of("httpd", "-p", "8080", "-h", "/var/www")).exitCode()).isZero();
        assertThat(httpGet("http://127.0.0.1:" + published.hostPort() + "/index.html"))
                .isEqualTo("served by " + first + "\n");
        ExecResult fromSecond = provider.exec(second, ExecRequest.of("timeout", "20", "wget", "-q", "-O", "-",
                "http://" + subnetPrefix + ".10:8080/index.html"));
        assertThat(fromSecond.stdout()).as(fromSecond.toString()).isEqualTo("served by " + first + "\n");
        assertThat(provider.inspectNode(run + "-missing")).isEmpty();
    }

    @Test
    @Order(10)
    void stopAndStartKeepTheAddressAndTheHostPort() {
        NodeInfo before = provider.inspectNode(first).orElseThrow();

        provider.stopNode(first);
        NodeInfo stopped = provider.inspectNode(first).orElseThrow();
        provider.stopNode(first);
        provider.startNode(first);
        provider.startNode(first);
        NodeInfo after = provider.inspectNode(first).orElseThrow();

        assertThat(stopped.running()).isFalse();
        assertThat(stopped.state()).isEqualTo("exited");
        assertThat(after.running()).isTrue();
        assertThat(after.ip()).isEqualTo(before.ip());
        assertThat(after.ports()).isEqualTo(before.ports());
        assertThat(provider.exec(first, ExecRequest.of("cat", "/var/www/index.html")).ok()).isTrue();
    }

    @Test
    @Order(11)
    void buildsSavesAndCommitsImagesWithoutARegistry() throws IOException {
        String built = "kubicle-test/built:" + run;
        String committed = "kubicle-test/committed:" + run;
        imagesMade.add(built);
        imagesMade.add(committed);
        ByteArrayOutputStream context = new ByteArrayOutputStream();
        try (TarWriter tar = new TarWriter(context)) {
            tar.file("Dockerfile", ("FROM " + IMAGE + "\nCOPY hello.txt /hello.txt\nSTOPSIGNAL SIGRTMIN+3\n")
                    .getBytes(StandardCharsets.UTF_8), 0644)
                    .file("hello.txt", "built\n".getBytes(StandardCharsets.UTF_8), 0644);
        }

        provider.buildImage(new ByteArrayInputStream(context.toByteArray()), built);
        provider.commit(first, committed, List.of("ENV COMMITTED=yes", "LABEL " + TEST_LABEL + "=" + run));

        assertThat(provider.imageExists(built)).isTrue();
        assertThat(provider.imageExists(committed)).isTrue();
        assertThat(engine().client().inspectImageCmd(committed).exec().getConfig().getEnv()).contains("COMMITTED=yes");
        assertThat(engine().raw().get("/images/" + built + "/json").at("/Config/StopSignal").asText())
                .isEqualTo("SIGRTMIN+3");
        try (InputStream saved = provider.saveImages(List.of(built, IMAGE))) {
            assertThat(tarEntries(saved.readAllBytes())).containsKey("manifest.json");
        }
        assertThat(provider.imageExists("kubicle-test/never-built:" + run)).isFalse();
    }

    @Test
    @Order(12)
    void readsAnImagesConfigAndLayersFromStorageAsDockerSaveWritesThem() throws IOException {
        String built = "kubicle-test/stored:" + run;
        imagesMade.add(built);
        // A file, an empty file, a hard link and a deletion: each is kept differently in the layer's record.
        String changes = "/bin/busybox touch /empty && /bin/busybox ln /hello.txt /linked && /bin/busybox rm /bin/cat";
        ByteArrayOutputStream context = new ByteArrayOutputStream();
        try (TarWriter tar = new TarWriter(context)) {
            tar.file("Dockerfile", ("FROM " + IMAGE + "\nCOPY hello.txt /hello.txt\n"
                    + "RUN [\"/bin/busybox\", \"sh\", \"-c\", \"" + changes + "\"]\n")
                    .getBytes(StandardCharsets.UTF_8), 0644)
                    .file("hello.txt", "stored\n".getBytes(StandardCharsets.UTF_8), 0644);
        }
        provider.buildImage(new ByteArrayInputStream(context.toByteArray()), built);
        Map<String, byte[]> saved;
        try (InputStream in = provider.saveImages(List.of(built))) {
            saved = tarEntries(in.readAllBytes());
        }
        JsonNode manifest = new ObjectMapper().readTree(saved.get("manifest.json")).get(0);

        StoredImage stored = provider.storedImages(List.of(built)).orElseThrow().get(0);

        assertThat(stored.reference()).isEqualTo(built);
        assertThat(stored.config()).isEqualTo(saved.get(manifest.get("Config").asText()));
        assertThat(stored.layers()).hasSize(3);
        for (int i = 0; i < stored.layers().size(); i++) {
            StoredImage.Layer layer = stored.layers().get(i);
            ByteArrayOutputStream written = new ByteArrayOutputStream();
            layer.writeTo(written);
            byte[] savedLayer = saved.get(manifest.get("Layers").get(i).asText());
            assertThat(layer.size()).isEqualTo(savedLayer.length);
            assertThat(written.toByteArray()).isEqualTo(savedLayer);
        }
        assertThat(provider.storedImages(List.of(built, "kubicle-test/never-built:" + run))).isEmpty();
    }

    @Test
    @Order(13)
    void deleteRemovesNodesTheirVolumesAndTheNetworkAndMayBeRepeated() {
        assertThat(provider.volumes(labels)).containsExactly(first + "-var", second + "-var");
        assertThat(provider.nodeNames(labels)).containsExactly(first, second)
                .isEqualTo(provider.listNodes(labels).stream().map(NodeInfo::name).toList());
        assertThat(provider.nodeNames(Map.of(TEST_LABEL, run + "-other"))).isEmpty();

        provider.deleteNode(first);
        // A node frozen as runc inside leaves a pod when the node is killed mid-change: the engine's kill cannot
        // finish until the host thaws it.
        freezeOnHost(second);
        provider.deleteNode(second);
        provider.deleteNode(first);
        provider.volumes(labels).forEach(provider::deleteVolume);
        provider.deleteVolume(first + "-var");
        provider.deleteNetwork(network);
        provider.deleteNetwork(network);

        assertThat(provider.listNodes(labels)).isEmpty();
        assertThat(provider.nodeNames(labels)).isEmpty();
        assertThat(provider.inspectNode(first)).isEmpty();
        assertThat(provider.volumes(labels)).isEmpty();
        assertThat(provider.network(network)).isEmpty();
    }

    /**
     * Moves the container's main process into a child cgroup and freezes that, as runc in a node freezes a pod's
     * cgroup: the engine's kill thaws the container's own cgroup, never a child frozen by itself.
     */
    private static void freezeOnHost(String container) {
        try {
            Process inspect = new ProcessBuilder("docker", "inspect", "-f", "{{.Id}} {{.State.Pid}}", container)
                    .start();
            String[] idAndPid = new String(inspect.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip()
                    .split(" ");
            assertThat(inspect.waitFor()).isZero();
            Path v1 = Path.of("/sys/fs/cgroup/freezer/docker", idAndPid[0]);
            Path v2 = Path.of("/sys/fs/cgroup/system.slice/docker-" + idAndPid[0] + ".scope");
            boolean isV1 = Files.isDirectory(v1);
            assertThat(isV1 || Files.isDirectory(v2)).as("the container's freezer on this host").isTrue();
            Path child = Files.createDirectories((isV1 ? v1 : v2).resolve("frozen-by-test"));
            Files.writeString(child.resolve("cgroup.procs"), idAndPid[1]);
            Files.writeString(child.resolve(isV1 ? "freezer.state" : "cgroup.freeze"), isV1 ? "FROZEN" : "1");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private NodeSpec node(String name, String ip, List<PortSpec> ports) {
        Map<String, String> nodeLabels = Map.of(TEST_LABEL, run, "dev.kubicle.role", name.substring(run.length() + 1));
        return new NodeSpec(name, IMAGE, nodeLabels, network, Optional.of(ip), name + "-var", ports, List.of(),
                Map.of());
    }

    /** A /24 in 10.213.0.0/16 that no other network on this engine uses. */
    private void createNetworkOnAFreeSubnet() {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            String prefix = "10.213." + ThreadLocalRandom.current().nextInt(1, 255);
            try {
                provider.createNetwork(new NetworkSpec(network, Optional.of(prefix + ".0/24"), labels));
                subnetPrefix = prefix;
                return;
            } catch (RuntimeException overlapping) {
                last = overlapping;
            }
        }
        throw last;
    }

    private EngineConnection engine() {
        return provider.connection();
    }

    private static String httpGet(String url) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().build();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.body();
    }

    /** The entries of a tar archive by name, read from their ustar headers. */
    private static Map<String, byte[]> tarEntries(byte[] archive) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        int offset = 0;
        while (offset + 512 <= archive.length && archive[offset] != 0) {
            String name = new String(archive, offset, 100, StandardCharsets.UTF_8).replaceAll("\u0000.*", "");
            long size = Long.parseLong(new String(archive, offset + 124, 12, StandardCharsets.US_ASCII)
                    .replaceAll("[^0-7]", ""), 8);
            entries.put(name, Arrays.copyOfRange(archive, offset + 512, offset + 512 + (int) size));
            offset += 512 + (int) ((size + 511) / 512 * 512);
        }
        return entries;
    }

    private static byte[] busyboxRootfs() throws IOException {
        Path busyboxPath = Path.of(BUSYBOX);
        assertThat(busyboxPath).as("a static busybox for the test image: apt-get install -y busybox-static")
                .isExecutable();
        byte[] busybox = Files.readAllBytes(busyboxPath);
        ByteArrayOutputStream archive = new ByteArrayOutputStream(busybox.length + 64 * 1024);
        try (TarWriter tar = new TarWriter(archive)) {
            for (String directory : List.of("bin", "etc", "proc", "sys", "dev", "root", "tmp", "run", "var")) {
                tar.directory(directory, 0755);
            }
            tar.file("bin/busybox", busybox, 0755);
            for (String applet : APPLETS) {
                tar.symlink("bin/" + applet, "busybox");
            }
        }
        return archive.toByteArray();
    }
}
