package dev.kubicle.bench.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against cgroup trees laid out as the kernel does, in a temporary directory. */
class ContainerCgroupTest {
    private static final String ID = "fe09d59d91fa9a16c97ac244cf078dab3d565d86b742df0caf51b9eb4d58e8f6";

    @TempDir
    Path root;

    private void write(String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @Test
    void cgroupV1WithDockersCgroupfsDriverIsReadFromTheControllerTrees() throws IOException {
        write("cpuacct/docker/" + ID + "/cpuacct.usage", "733894645\n");
        write("memory/docker/" + ID + "/memory.usage_in_bytes", "23605248\n");
        // total_rss counts the cgroups below the container's (the node's pods), rss only its own processes.
        write("memory/docker/" + ID + "/memory.stat", "cache 100\nrss 1363968\ntotal_cache 200\ntotal_rss 12349440\n");

        ContainerCgroup cgroup = ContainerCgroup.locate(root, ID);

        assertThat(cgroup.relative()).isEqualTo("docker/" + ID);
        assertThat(cgroup.cpuNanos()).isEqualTo(733894645L);
        assertThat(cgroup.memoryBytes()).isEqualTo(23605248L);
        assertThat(cgroup.rssBytes()).isEqualTo(12349440L);
    }

    @Test
    void cgroupV1WithDockersSystemdDriverIsFoundUnderSystemSlice() throws IOException {
        write("cpuacct/system.slice/docker-" + ID + ".scope/cpuacct.usage", "5\n");
        write("memory/system.slice/docker-" + ID + ".scope/memory.usage_in_bytes", "6\n");

        assertThat(ContainerCgroup.locate(root, ID).relative()).isEqualTo("system.slice/docker-" + ID + ".scope");
    }

    @Test
    void cgroupV2IsReadFromTheUnifiedTree() throws IOException {
        write("cgroup.controllers", "cpu memory pids\n");
        write("docker/" + ID + "/cpu.stat", "usage_usec 2500000\nuser_usec 2000000\nsystem_usec 500000\n");
        write("docker/" + ID + "/memory.current", "52428800\n");
        write("docker/" + ID + "/memory.stat", "anon 31457280\nfile 20971520\n");

        ContainerCgroup cgroup = ContainerCgroup.locate(root, ID);

        assertThat(cgroup.cpuNanos()).isEqualTo(2_500_000_000L);
        assertThat(cgroup.memoryBytes()).isEqualTo(52428800L);
        assertThat(cgroup.rssBytes()).isEqualTo(31457280L);
    }

    @Test
    void aContainerWithoutCgroupIsAFailedMeasurement() {
        assertThatThrownBy(() -> ContainerCgroup.locate(root, ID))
                .isInstanceOf(BenchFailure.class)
                .hasMessageContaining("no cgroup for container " + ID);
    }

    @Test
    void statFilesAreReadByKey() {
        assertThat(ContainerCgroup.statValue("rss 1\ntotal_rss 2\n", "total_rss")).contains(2L);
        assertThat(ContainerCgroup.statValue("rss 1\n", "total_rss")).isEmpty();
    }
}
