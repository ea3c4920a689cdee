package dev.kubicle.kubeconfig;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KubeconfigFilesTest {

    private static final String ADMIN_CONF = Resources.read("admin.conf");

    @TempDir
    Path home;

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "null        | .kube/config",
            "''          | .kube/config",
            "a           | a",
            "a:b         | a,b",
            "a::b:a:     | a,b",
            ":           | .kube/config",
    })
    void listsTheFilesKubectlReads(String kubeconfigVariable, String expected) {
        String variable = kubeconfigVariable == null ? null : kubeconfigVariable.replace(":", File.pathSeparator);
        List<Path> expectedPaths = Arrays.stream(expected.split(","))
                .map(name -> name.startsWith(".kube") ? home.resolve(name) : Path.of(name))
                .toList();

        assertThat(new KubeconfigFiles(variable, home).precedence()).isEqualTo(expectedPaths);
    }

    @Test
    void writesToTheFirstListedFileThatExists() throws IOException {
        Path first = home.resolve("first");
        Path second = Files.writeString(home.resolve("second"), "");
        Path third = Files.writeString(home.resolve("third"), "");

        assertThat(files(first, second, third).fileToWrite()).isEqualTo(second);
    }

    @Test
    void writesToTheFirstListedFileWhenNoneExistsLikeKubectl() {
        Path first = home.resolve("first");

        assertThat(files(first, home.resolve("second")).fileToWrite()).isEqualTo(first);
    }

    @Test
    void writesToTheHomeKubeconfigWithoutKubeconfigVariable() {
        assertThat(new KubeconfigFiles(null, home).fileToWrite()).isEqualTo(home.resolve(".kube/config"));
    }

    @Test
    void mergingIntoAMissingFileCreatesItAndItsDirectoryReadableByTheOwnerOnly() throws IOException {
        Path config = home.resolve(".kube/config");

        files(config).merge(config, dev(41234));

        assertThat(Files.readString(config)).isEqualTo(Resources.read("kubicle-dev.yaml"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rw-------");
        assertThat(Files.list(config.getParent())).containsExactly(config);
    }

    @Test
    void mergingMakesAnExistingWorldReadableFileOwnerOnly() throws IOException {
        Path config = Files.writeString(home.resolve("config"), Resources.read("users-config.yaml"));
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));

        files(config).merge(config, dev(41234));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rw-------");
    }

    @Test
    void mergingKeepsEverythingElseInTheFile() throws IOException {
        Path config = Files.writeString(home.resolve("config"), Resources.read("users-config.yaml"));
        ObjectNode before = Kubeconfig.parse(Resources.read("users-config.yaml")).toTree();

        files(config).merge(config, dev(41234));

        ObjectNode after = Kubeconfig.parse(Files.readString(config)).toTree();
        for (String section : List.of("clusters", "users", "contexts")) {
            assertThat(after.get(section).get(0)).isEqualTo(before.get(section).get(0));
            assertThat(after.get(section).get(1)).isEqualTo(before.get(section).get(1));
            assertThat(after.get(section).get(2).get("name").asText()).isEqualTo("kubicle-dev");
        }
        assertThat(after.get("preferences")).isEqualTo(before.get("preferences"));
        assertThat(after.get("extensions")).isEqualTo(before.get("extensions"));
        assertThat(after.get("current-context").asText()).isEqualTo("kubicle-dev");
        assertThat(Files.readString(config)).contains("- name: 1.10", "retries: 3", "insecure-skip-tls-verify: yes");
    }

    @Test
    void mergingAgainReplacesTheClustersEntriesWithoutDuplicatingThem() throws IOException {
        Path config = Files.writeString(home.resolve("config"), Resources.read("users-config.yaml"));
        KubeconfigFiles files = files(config);
        files.merge(config, dev(41234));

        files.merge(config, dev(50000));

        Kubeconfig after = files.read(config);
        assertThat(after.clusterNames()).containsExactly("prod", "1.10", "kubicle-dev");
        assertThat(after.userNames()).containsExactly("prod-sso", "old-sso", "kubicle-dev");
        assertThat(after.contextNames()).containsExactly("prod", "old", "kubicle-dev");
        assertThat(after.server("kubicle-dev")).contains("https://127.0.0.1:50000");
    }

    @Test
    void removingLeavesOtherClustersAndClearsTheCurrentContextThatWasTheClusters() throws IOException {
        Path config = Files.writeString(home.resolve("config"), Resources.read("users-config.yaml"));
        KubeconfigFiles files = files(config);
        files.merge(config, dev(41234));

        boolean changed = files.remove(config, "dev");

        ObjectNode expected = Kubeconfig.parse(Resources.read("users-config.yaml")).toTree();
        expected.put("current-context", "");
        assertThat(changed).isTrue();
        assertThat(files.read(config).toTree()).isEqualTo(expected);
    }

    @Test
    void removingKeepsACurrentContextThatIsAnotherClusters() throws IOException {
        Path config = home.resolve("config");
        KubeconfigFiles files = files(config);
        files.merge(config, dev(41234));
        files.merge(config, KubeconfigRewriter.rewrite(ADMIN_CONF, "other", ApiServerAddress.external(41235)));

        files.remove(config, "dev");

        assertThat(files.read(config).currentContext()).contains("kubicle-other");
        assertThat(files.read(config).clusterNames()).containsExactly("kubicle-other");
    }

    @Test
    void removingAClusterThatIsNotThereLeavesTheFileByteForByte() throws IOException {
        String original = Resources.read("users-config.yaml");
        Path config = Files.writeString(home.resolve("config"), original);

        boolean changed = files(config).remove(config, "dev");

        assertThat(changed).isFalse();
        assertThat(Files.readString(config)).isEqualTo(original);
    }

    @Test
    void removingFromAMissingFileCreatesNothing() {
        Path config = home.resolve(".kube/config");

        assertThat(files(config).remove(config, "dev")).isFalse();
        assertThat(config.getParent()).doesNotExist();
    }

    @Test
    void removingFromAllRemovesFromEveryListedFile() {
        Path first = home.resolve("first");
        Path second = home.resolve("second");
        KubeconfigFiles files = files(first, second);
        files.merge(first, dev(41234));
        files.merge(second, dev(41234));
        files.merge(second, KubeconfigRewriter.rewrite(ADMIN_CONF, "other", ApiServerAddress.external(41235)));

        files.removeFromAll("dev");

        assertThat(files.read(first).clusterNames()).isEmpty();
        assertThat(files.read(second).clusterNames()).containsExactly("kubicle-other");
    }

    @Test
    void concurrentMergesAllLand() throws Exception {
        Path config = Files.writeString(home.resolve("config"), Resources.read("users-config.yaml"));
        KubeconfigFiles files = files(config);
        int clusters = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService executor = Executors.newFixedThreadPool(clusters);
        try {
            List<Future<?>> merges = new ArrayList<>();
            for (int i = 0; i < clusters; i++) {
                Kubeconfig cluster = KubeconfigRewriter.rewrite(ADMIN_CONF, "c" + i,
                        ApiServerAddress.external(40000 + i));
                merges.add(executor.submit(() -> {
                    start.await();
                    files.merge(config, cluster);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> merge : merges) {
                merge.get(30, TimeUnit.SECONDS);
            }
        } finally {
            executor.shutdownNow();
        }

        Kubeconfig after = files.read(config);
        assertThat(after.clusterNames()).hasSize(2 + clusters)
                .contains("prod", "1.10", "kubicle-c0", "kubicle-c7");
        assertThat(after.contextNames()).hasSize(2 + clusters);
        assertThat(Path.of(config + ".lock")).doesNotExist();
    }

    @Test
    void waitsForTheLockOfAnotherProcessThenMerges() throws Exception {
        Path config = home.resolve("config");
        Path lock = Files.createFile(home.resolve("config.lock"));
        Thread releaser = new Thread(() -> {
            sleep(Duration.ofMillis(200));
            deleteQuietly(lock);
        });
        releaser.start();

        new KubeconfigFiles(config.toString(), home, Duration.ofSeconds(10)).merge(config, dev(41234));

        releaser.join();
        assertThat(Kubeconfig.parse(Files.readString(config)).clusterNames()).containsExactly("kubicle-dev");
    }

    @Test
    void explainsALockThatIsNeverReleased() throws IOException {
        Path config = home.resolve("config");
        Path lock = Files.createFile(home.resolve("config.lock"));
        KubeconfigFiles files = new KubeconfigFiles(config.toString(), home, Duration.ofMillis(50));

        assertThatThrownBy(() -> files.merge(config, dev(41234)))
                .isInstanceOfSatisfying(KubicleException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.UNEXPECTED_STATE))
                .hasMessage("cannot change " + config + ": " + lock + " exists, so another kubicle or kubectl is"
                        + " changing it or stopped while doing so; if none is running, delete " + lock
                        + " and try again");
        assertThat(lock).exists();
        assertThat(config).doesNotExist();
    }

    @Test
    void refusesToMergeIntoAMalformedFileAndLeavesIt() throws IOException {
        String malformed = "apiVersion: v1\nclusters:\n- name: a\n  cluster: {server: x\n";
        Path config = Files.writeString(home.resolve("config"), malformed);

        assertThatThrownBy(() -> files(config).merge(config, dev(41234)))
                .isInstanceOfSatisfying(KubicleException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT))
                .hasMessageStartingWith(config + ": not a valid kubeconfig (line 5, column 1: ")
                .hasMessageEndingWith("); fix or move it, or set KUBECONFIG to another file");
        assertThat(Files.readString(config)).isEqualTo(malformed);
        assertThat(Path.of(config + ".lock")).doesNotExist();
    }

    @Test
    void writesThroughASymlinkAndKeepsIt() throws IOException {
        Path real = Files.writeString(home.resolve("dotfiles-kubeconfig"), Resources.read("users-config.yaml"));
        Path config = Files.createSymbolicLink(home.resolve("config"), real);

        files(config).merge(config, dev(41234));

        assertThat(Files.isSymbolicLink(config)).isTrue();
        assertThat(Kubeconfig.parse(Files.readString(real)).clusterNames()).contains("kubicle-dev");
    }

    private KubeconfigFiles files(Path... listed) {
        return new KubeconfigFiles(String.join(File.pathSeparator, Arrays.stream(listed).map(Path::toString)
                .toList()), home);
    }

    private static Kubeconfig dev(int hostPort) {
        return KubeconfigRewriter.rewrite(ADMIN_CONF, "dev", ApiServerAddress.external(hostPort));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
