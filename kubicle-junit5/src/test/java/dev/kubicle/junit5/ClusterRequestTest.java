package dev.kubicle.junit5;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterRequestTest {

    @KubicleCluster(workers = 2)
    static class TwoWorkers {
    }

    @KubicleCluster(workers = 2)
    static class AlsoTwoWorkers {
    }

    @KubicleCluster(workers = 1)
    static class OneWorker {
    }

    @KubicleCluster(name = "junit-named", reuse = true)
    static class Named {
    }

    @KubicleCluster(config = "reuse-changed-spec.yaml")
    static class FromClasspath {
    }

    @KubicleCluster(config = "no-such-cluster.yaml")
    static class MissingConfig {
    }

    private static ClusterRequest request(Class<?> testClass) {
        return ClusterRequest.of(testClass.getAnnotation(KubicleCluster.class), testClass, false);
    }

    @Test
    void classesAskingForTheSameNodesGetTheSameSpecAndName() {
        assertThat(request(TwoWorkers.class)).isEqualTo(request(AlsoTwoWorkers.class));
        assertThat(request(TwoWorkers.class).spec().name()).matches("junit-[0-9a-f]{10}");
    }

    @Test
    void classesAskingForOtherNodesGetAnotherClusterName() {
        assertThat(request(OneWorker.class).spec().name()).isNotEqualTo(request(TwoWorkers.class).spec().name());
    }

    @Test
    void aSpecBuiltFromTheAnnotationHasItsNodes() {
        assertThat(request(TwoWorkers.class).spec().toYaml()).containsOnlyOnce("role: control-plane")
                .contains("role: worker");
    }

    @Test
    void aNameAndReuseOnTheAnnotationAreKept() {
        ClusterRequest named = request(Named.class);
        assertThat(named.spec().name()).isEqualTo("junit-named");
        assertThat(named.reuse()).isTrue();
        assertThat(request(TwoWorkers.class).reuse()).isFalse();
    }

    @Test
    void theRunsReuseSettingTurnsReuseOnForEveryClass() {
        assertThat(ClusterRequest.of(TwoWorkers.class.getAnnotation(KubicleCluster.class), TwoWorkers.class, true)
                .reuse()).isTrue();
    }

    @Test
    void aConfigOnTheClassPathIsReadAndAnUnnamedOneGetsATestName() {
        ClusterRequest request = request(FromClasspath.class);
        assertThat(request.spec().toYaml()).contains("10.245.0.0/16");
        assertThat(request.spec().name()).startsWith("junit-");
    }

    @Test
    void aConfigMissingFromTheClassPathIsNamedInOneLine() {
        assertThatThrownBy(() -> request(MissingConfig.class)).isInstanceOf(KubicleException.class)
                .hasMessageContaining("@KubicleCluster.config: no resource no-such-cluster.yaml on the class path")
                .satisfies(e -> assertThat(((KubicleException) e).exitCode()).isEqualTo(ExitCode.INVALID_INPUT));
    }
}
