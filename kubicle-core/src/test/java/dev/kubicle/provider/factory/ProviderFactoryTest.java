package dev.kubicle.provider.factory;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The factory's choice, with connectors that stand in for engines that answer or not. */
class ProviderFactoryTest {
    private final List<String> tried = new ArrayList<>();

    @ParameterizedTest(name = "flag {0}, KUBICLE_PROVIDER {1}: {2}")
    @CsvSource(nullValues = "null", value = {
            "docker, podman, docker",
            "podman, docker, podman",
            "PODMAN, null, podman",
            "null, podman, podman",
            "null, ' Docker ', docker",
    })
    void aNamedEngineIsUsedWithoutTryingAnyOtherAndTheFlagBeatsTheEnvironment(String flag, String environment,
                                                                             String expected) {
        assertThat(ProviderFactory.connect(flag, environment, engines(true, true))).isEqualTo(expected);
        assertThat(tried).containsExactly(expected);
    }

    @ParameterizedTest(name = "flag {0}, KUBICLE_PROVIDER {1}")
    @CsvSource(nullValues = "null", value = {"null, null", "auto, podman", "null, auto", "null, ''"})
    void withoutAnEngineNamedDockerIsTriedFirst(String flag, String environment) {
        assertThat(ProviderFactory.connect(flag, environment, engines(true, true))).isEqualTo("docker");
        assertThat(tried).containsExactly("docker");
    }

    @Test
    void detectionFallsBackToPodmanWhenDockerDoesNotAnswer() {
        assertThat(ProviderFactory.connect(null, null, engines(false, true))).isEqualTo("podman");
        assertThat(tried).containsExactly("docker", "podman");
    }

    @Test
    void detectionWithNoEngineAnsweringGivesEveryReason() {
        assertThatThrownBy(() -> ProviderFactory.connect(null, null, engines(false, false)))
                .isInstanceOfSatisfying(KubicleException.class, e -> assertThat(e.exitCode())
                        .isEqualTo(ExitCode.UNEXPECTED_STATE))
                .hasMessage("no container engine answers: docker is down; podman is down (or name one with "
                        + "--provider or KUBICLE_PROVIDER)");
    }

    @Test
    void aNamedEngineThatDoesNotAnswerIsNotReplacedByAnother() {
        assertThatThrownBy(() -> ProviderFactory.connect("podman", null, engines(true, false)))
                .hasMessage("podman is down");
        assertThat(tried).containsExactly("podman");
    }

    @Test
    void anUnknownEngineIsInvalidInputNamingWhereItCameFrom() {
        assertThatThrownBy(() -> ProviderFactory.connect("lxc", null, engines(true, true)))
                .isInstanceOfSatisfying(KubicleException.class, e -> assertThat(e.exitCode())
                        .isEqualTo(ExitCode.INVALID_INPUT))
                .hasMessage("--provider \"lxc\" is not an engine kubicle knows; use docker, podman or auto");
        assertThatThrownBy(() -> ProviderFactory.connect(null, "nerdctl", engines(true, true)))
                .hasMessage("KUBICLE_PROVIDER \"nerdctl\" is not an engine kubicle knows; use docker, podman or auto");
        assertThat(tried).isEmpty();
    }

    /** Connectors in detection order; one that is "down" fails as an engine that does not answer does. */
    private Map<ProviderKind, Supplier<String>> engines(boolean dockerAnswers, boolean podmanAnswers) {
        Map<ProviderKind, Supplier<String>> connectors = new LinkedHashMap<>();
        connectors.put(ProviderKind.DOCKER, engine("docker", dockerAnswers));
        connectors.put(ProviderKind.PODMAN, engine("podman", podmanAnswers));
        return connectors;
    }

    private Supplier<String> engine(String name, boolean answers) {
        return () -> {
            tried.add(name);
            if (!answers) {
                throw new KubicleException(ExitCode.UNEXPECTED_STATE, name + " is down");
            }
            return name;
        };
    }
}
