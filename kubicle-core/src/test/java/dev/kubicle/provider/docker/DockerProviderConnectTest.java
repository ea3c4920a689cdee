package dev.kubicle.provider.docker;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DockerProviderConnectTest {

    @Test
    void anEngineThatIsNotThereIsOneClearLineThatSaysHowToStartIt(@TempDir Path directory) {
        String host = "unix://" + directory.resolve("docker.sock");

        assertThatThrownBy(() -> DockerProvider.connect(host))
                .isInstanceOfSatisfying(KubicleException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.UNEXPECTED_STATE);
                    assertThat(e.getMessage()).doesNotContain("\n");
                })
                .hasMessageStartingWith("cannot reach the Docker engine at " + host + ": ")
                .hasMessageEndingWith("; start dockerd (scripts/ensure-engine.sh does it)");
    }
}
