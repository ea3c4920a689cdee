package dev.kubicle.provider.docker;

import com.github.dockerjava.core.RemoteApiVersion;
import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiVersionsTest {

    @ParameterizedTest(name = "engine {0} (min {1}) → {2}")
    @CsvSource({
            "1.41, 1.12, 1.41", // Debian 12's Docker 20.10
            "1.43, 1.12, 1.43", // Docker 24
            "1.44, 1.24, 1.44",
            "1.51, 1.24, 1.44", // Docker 28: we speak the newest docker-java knows
            "1.52, 1.44, 1.44", // Docker 29 refuses anything below 1.44
            "1.41,     , 1.41", // an engine that does not say its minimum
    })
    void speaksTheHighestVersionBothSidesKnow(String server, String serverMin, String expected) {
        assertThat(ApiVersions.negotiate(server, serverMin, "unix:///var/run/docker.sock"))
                .isEqualTo(RemoteApiVersion.parseConfig(expected));
    }

    @Test
    void anEngineOlderThanDocker2010IsRefusedWithAnUpgradeHint() {
        assertThatThrownBy(() -> ApiVersions.negotiate("1.40", "1.12", "tcp://old:2375"))
                .isInstanceOfSatisfying(KubicleException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.UNEXPECTED_STATE))
                .hasMessage("the Docker engine at tcp://old:2375 speaks API 1.40, kubicle needs 1.41 or newer"
                        + " (Docker 20.10+); upgrade the engine");
    }

    @Test
    void anEngineThatNeedsANewerApiThanDockerJavaKnowsIsRefused() {
        assertThatThrownBy(() -> ApiVersions.negotiate("1.60", "1.50", "unix:///run/docker.sock"))
                .isInstanceOf(KubicleException.class)
                .hasMessageContaining("needs API 1.50 or newer, kubicle speaks up to 1.44");
    }

    @Test
    void aVersionThatIsNoVersionIsReported() {
        assertThatThrownBy(() -> ApiVersions.negotiate("", null, "unix:///x.sock"))
                .isInstanceOf(KubicleException.class).hasMessageContaining("no usable API version");
    }
}
