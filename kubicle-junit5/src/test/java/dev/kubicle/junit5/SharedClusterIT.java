package dev.kubicle.junit5;

import dev.kubicle.api.Kubicle;
import dev.kubicle.cluster.ClusterPlanner;
import dev.kubicle.junit5.fixtures.FixtureRunner;
import dev.kubicle.junit5.fixtures.Fixtures;
import dev.kubicle.junit5.fixtures.SharedClusterFixtures;
import dev.kubicle.provider.docker.DockerProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs four test classes that ask for one spec in a JVM of their own, classes in parallel, as a build's test run
 * would: they share one cluster, made once, which is gone when their JVM has ended (containers, volumes, network and
 * the kubeconfig's credentials). One of them fails, so that its cluster's logs are exported.
 */
class SharedClusterIT {
    private static final Path LOGS = Path.of("target", "kubicle-logs",
            SharedClusterFixtures.Failing.class.getName(), "failsToHaveTheLogsExported");
    private static final Path KUBECONFIG = Path.of("target", "kubicle", SharedClusterFixtures.CLUSTER, "kubeconfig");

    @TempDir
    Path work;

    @Test
    void classesAskingForOneSpecShareOneClusterThatIsGoneWhenTheirJvmEnds() throws Exception {
        deleteRecursively(LOGS);
        Path out = work.resolve("fixture.out");
        Path childLog = Path.of("target", "shared-cluster-child.log");
        long started = System.nanoTime();
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-D" + Fixtures.OUT_PROPERTY + "=" + out,
                FixtureRunner.class.getName(),
                SharedClusterFixtures.First.class.getName(), SharedClusterFixtures.Second.class.getName(),
                SharedClusterFixtures.Third.class.getName(), SharedClusterFixtures.Failing.class.getName())
                .redirectErrorStream(true).redirectOutput(childLog.toFile()).start();
        assertThat(child.waitFor(4, TimeUnit.MINUTES)).as("the child JVM ends").isTrue();
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(child.exitValue()).as("failed tests in the child JVM (see %s)", childLog).isEqualTo(1);
        List<String[]> records = Files.readAllLines(out).stream().map(line -> line.split(" ")).toList();
        assertThat(records).hasSize(3);
        assertThat(records.stream().map(record -> record[1]).distinct()).as("cluster ids seen").hasSize(1);
        Path nodeLogs = LOGS.resolve(SharedClusterFixtures.CLUSTER + "-control-plane");
        assertThat(nodeLogs.resolve("journal.log")).isNotEmptyFile();
        assertThat(nodeLogs.resolve("kind/containerd-seed")).as("the node image's preloaded images").doesNotExist();
        try (Kubicle kubicle = Kubicle.connect()) {
            assertThat(kubicle.find(SharedClusterFixtures.CLUSTER)).as("the cluster's containers and volumes after "
                    + "its JVM ended").isEmpty();
        }
        try (DockerProvider docker = DockerProvider.connect()) {
            assertThat(docker.network(ClusterPlanner.networkName(SharedClusterFixtures.CLUSTER)))
                    .as("the cluster's network after its JVM ended").isEmpty();
        }
        assertThat(Files.readString(KUBECONFIG)).as("the run's kubeconfig after its JVM ended")
                .doesNotContain(SharedClusterFixtures.CLUSTER, "client-key-data");
        long firstTest = records.stream().mapToLong(record -> Long.parseLong(record[2])).min().orElseThrow();
        System.out.printf("kubicle-junit5 benchmark: 1-node cluster, first test %d ms after JVM start; "
                + "3 classes sharing it (+1 failing with a log export) and the delete: %d ms in all%n", firstTest,
                elapsedMillis);
    }

    @AfterAll
    static void deleteLeftovers() {
        try (Kubicle kubicle = Kubicle.connect()) {
            kubicle.delete(SharedClusterFixtures.CLUSTER);
        }
    }

    private static void deleteRecursively(Path directory) throws Exception {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(file);
            }
        }
    }
}
