package dev.kubicle.provider.docker;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Against a directory tree shaped like the host's cgroup file systems. */
class HostFreezerTest {
    private static final String ID = "4b97d03ea5c8";

    @TempDir
    Path root;

    @Test
    void thawsEveryFrozenCgroupBelowTheContainersOwnInEachDriversLayout() throws IOException {
        Path v1Pod = state(root.resolve("freezer/docker/" + ID + "/kubelet.slice/pod.slice/cri.scope/freezer.state"),
                "FROZEN");
        Path v1Idle = state(root.resolve("freezer/docker/" + ID + "/freezer.state"), "THAWED");
        Path systemdDriver = state(root.resolve("freezer/system.slice/docker-" + ID + ".scope/a/freezer.state"),
                "FREEZING");
        Path v2 = state(root.resolve("system.slice/docker-" + ID + ".scope/kubelet.slice/cgroup.freeze"), "1");
        Path other = state(root.resolve("freezer/docker/other/freezer.state"), "FROZEN");

        assertThat(new HostFreezer(root).thaw(ID)).isEqualTo(3);

        assertThat(Files.readString(v1Pod)).isEqualTo("THAWED");
        assertThat(Files.readString(v1Idle)).isEqualTo("THAWED");
        assertThat(Files.readString(systemdDriver)).isEqualTo("THAWED");
        assertThat(Files.readString(v2)).isEqualTo("0");
        assertThat(Files.readString(other)).isEqualTo("FROZEN");
    }

    @Test
    void findsNothingWhereThereAreNoCgroups() {
        assertThat(new HostFreezer(root.resolve("absent")).thaw(ID)).isZero();
    }

    private static Path state(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }
}
