package dev.kubicle.cli;

import dev.kubicle.cluster.Labels;
import dev.kubicle.provider.NodeInfo;
import dev.kubicle.provider.Provider;
import dev.kubicle.provider.docker.DockerProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The fault suite's quick cases, through the packaged command line on the real engine, each with a kubeconfig of its
 * own: two creates of one name at once, a create killed outright, creates at once into one kubeconfig, and a
 * kubeconfig kubicle cannot use. scripts/reliability.sh runs them again with the long ones (Ctrl-C at every step of a
 * create, an engine restart) and writes the figures to docs/reliability.md.
 */
class FaultsIT {
    private static final String RACED = "it-raced";
    private static final String KILLED = "it-killed";
    private static final List<String> PARALLEL = List.of("it-parallel-a", "it-parallel-b");
    private static final String UNWRITTEN = "it-unwritten";
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(120);
    /** Stands for a directory where the kubeconfig file should be: a file that cannot be read. */
    private static final String A_DIRECTORY = "(a directory)";
    private static Provider docker;

    @TempDir
    static Path dir;

    @BeforeAll
    static void connect() throws IOException {
        docker = DockerProvider.connect();
        deleteEveryCluster();
    }

    @AfterAll
    static void cleanUp() throws IOException {
        deleteEveryCluster();
        docker.close();
    }

    @Test
    void ofTwoCreatesOfOneNameAtOnceOneWinsWholeAndTheOtherFailsInOneLineTouchingNothing() throws Exception {
        Path kubeconfig = kubeconfigOfOthers();

        List<CliRun> runs = atOnce(kubeconfig, List.of(RACED, RACED));

        assertThat(runs).extracting(CliRun::exitCode).as("%s", runs).containsExactlyInAnyOrder(0, 2);
        CliRun loser = runs.stream().filter(run -> run.exitCode() == 2).findFirst().orElseThrow();
        assertThat(loser.err().lines()).singleElement().asString()
                .startsWith("ERROR: a cluster named \"" + RACED + "\" already exists or is being created");
        assertWhole(RACED, kubeconfig);
        assertDeletedWhole(RACED, kubeconfig);
    }

    @Test
    void aCreateKilledMidwayIsNamedByTheNextCreateAndRemovedWhollyByDelete() throws Exception {
        Path kubeconfig = kubeconfigOfOthers();
        CliProcess create = CliProcess.start(dir.resolve("killed.log"), environment(kubeconfig), "create", "cluster",
                "-v", "--name", KILLED);
        create.awaitOutput("• Starting control-plane", STEP_TIMEOUT);
        create.kill();
        assertThat(docker.listNodes(Labels.ofCluster(KILLED))).as("the half-made cluster").isNotEmpty();

        CliRun again = cli(kubeconfig, "create", "cluster", "--name", KILLED);

        assertThat(again.exitCode()).as(again.err()).isEqualTo(2);
        assertThat(again.err()).contains("\"" + KILLED + "\" already exists",
                "'kubicle delete cluster --name " + KILLED + "'");
        assertDeletedWhole(KILLED, kubeconfig);
    }

    @Test
    void createsAtOnceIntoOneKubeconfigKeepEveryonesEntries() throws Exception {
        Path kubeconfig = kubeconfigOfOthers();

        List<CliRun> runs = atOnce(kubeconfig, PARALLEL);

        assertThat(runs).allSatisfy(run -> assertThat(run.exitCode()).as(run.err()).isZero());
        for (String name : PARALLEL) {
            assertWhole(name, kubeconfig);
        }
        for (String name : PARALLEL) {
            assertDeletedWhole(name, kubeconfig);
        }
    }

    /** Not YAML, not text, valid YAML of the wrong shape, and a directory where the file should be. */
    @ParameterizedTest
    @ValueSource(strings = {"clusters: [unclosed\n", "\u00ff\u00fe\u0000binary", "clusters: 7\n", A_DIRECTORY})
    void aKubeconfigThatCannotBeUsedFailsTheCreateInOneLineAndStaysAsItWas(String content) throws IOException {
        Path kubeconfig = Files.createTempDirectory(dir, "unusable").resolve("kubeconfig");
        if (content.equals(A_DIRECTORY)) {
            Files.createDirectory(kubeconfig);
        } else {
            Files.write(kubeconfig, content.getBytes(StandardCharsets.ISO_8859_1));
        }
        String before = stateOf(kubeconfig);

        CliRun create = cli(kubeconfig, "create", "cluster", "--name", UNWRITTEN);

        assertThat(create.exitCode()).as(create.err()).isIn(2, 3);
        assertThat(create.err().lines()).as(create.err()).singleElement().asString()
                .startsWith("ERROR: ").contains(kubeconfig.toString());
        assertThat(stateOf(kubeconfig)).isEqualTo(before);
        assertThat(stateOf(kubeconfig.getParent())).as("no lock or temporary file beside it")
                .isEqualTo(kubeconfig.toString());
        assertNothingOnTheEngine(UNWRITTEN);
    }

    /** What is at a path: a file's bytes in hex, or a directory's entries. */
    private static String stateOf(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return HexFormat.of().formatHex(Files.readAllBytes(path));
        }
        try (Stream<Path> entries = Files.list(path)) {
            return entries.map(Path::toString).sorted().collect(Collectors.joining("\n"));
        }
    }

    /** A cluster that works: its node is Ready, and it has one network and one volume, and a kubeconfig entry. */
    private static void assertWhole(String name, Path kubeconfig) {
        assertThat(docker.listNodes(Labels.ofCluster(name))).extracting(NodeInfo::name, NodeInfo::running)
                .containsExactly(tuple(name + "-control-plane", true));
        assertThat(docker.networks(Labels.ofCluster(name))).hasSize(1);
        assertThat(docker.volumes(Labels.ofCluster(name))).hasSize(1);
        String ready = HostKubectl.using(kubeconfig).ok("--context", "kubicle-" + name, "get", "nodes", "-o",
                "jsonpath={.items[*].status.conditions[?(@.type==\"Ready\")].status}");
        assertThat(ready).isEqualTo("True");
    }

    private static void assertDeletedWhole(String name, Path kubeconfig) throws IOException {
        CliRun delete = cli(kubeconfig, "delete", "cluster", "--name", name);

        assertThat(delete.exitCode()).as(delete.err()).isZero();
        assertNothingOnTheEngine(name);
        assertThat(Files.readString(kubeconfig)).doesNotContain("kubicle-" + name).contains("name: elsewhere");
    }

    private static void assertNothingOnTheEngine(String name) {
        assertThat(docker.listNodes(Labels.ofCluster(name))).isEmpty();
        assertThat(docker.volumes(Labels.ofCluster(name))).isEmpty();
        assertThat(docker.networks(Labels.ofCluster(name))).isEmpty();
    }

    /** Creates of one-node clusters of these names, all started at once; their runs in the same order. */
    private static List<CliRun> atOnce(Path kubeconfig, List<String> names) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(names.size());
        try {
            List<Future<CliRun>> runs = names.stream()
                    .map(name -> pool.submit(() -> cli(kubeconfig, "create", "cluster", "--name", name)))
                    .toList();
            List<CliRun> done = new ArrayList<>();
            for (Future<CliRun> run : runs) {
                done.add(run.get());
            }
            return done;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A kubeconfig holding someone else's entry, which every change kubicle makes must keep. */
    private static Path kubeconfigOfOthers() throws IOException {
        return Files.writeString(Files.createTempFile(dir, "kubeconfig", ""), E2ECluster.FOREIGN_KUBECONFIG);
    }

    private static CliRun cli(Path kubeconfig, String... args) {
        return CliRun.ofJar(environment(kubeconfig), args);
    }

    private static Map<String, String> environment(Path kubeconfig) {
        return Map.of("KUBECONFIG", kubeconfig.toString());
    }

    /** A run killed half-way leaves its clusters behind; their entries can only be in kubeconfigs of this class. */
    private static void deleteEveryCluster() throws IOException {
        List<String> names = new ArrayList<>(List.of(RACED, KILLED, UNWRITTEN));
        names.addAll(PARALLEL);
        List<String> args = new ArrayList<>(List.of("delete", "clusters"));
        args.addAll(names);
        cli(kubeconfigOfOthers(), args.toArray(String[]::new));
    }
}
