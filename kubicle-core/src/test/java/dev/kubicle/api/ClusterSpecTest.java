package dev.kubicle.api;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterSpecTest {

    @Test
    void aSpecBuiltInCodeIsTheSameAsTheConfigFileSayingTheSame() {
        ClusterSpec built = ClusterSpec.builder().name("demo").workers(2).image("kubicle/node:v1.37.2").build();
        ClusterSpec read = ClusterSpec.fromYaml("""
                kind: Cluster
                apiVersion: kubicle.dev/v1alpha1
                name: demo
                nodes:
                - role: control-plane
                  image: kubicle/node:v1.37.2
                - role: worker
                  image: kubicle/node:v1.37.2
                - role: worker
                  image: kubicle/node:v1.37.2
                """, "test");
        assertThat(built.hash()).isEqualTo(read.hash());
        assertThat(built).isEqualTo(read);
    }

    @Test
    void theHashChangesWithTheSpec() {
        assertThat(ClusterSpec.builder().workers(1).build().hash())
                .isNotEqualTo(ClusterSpec.builder().workers(2).build().hash())
                .isNotEqualTo(ClusterSpec.builder().workers(1).build().withName("other").hash())
                .matches("[0-9a-f]{64}");
    }

    @Test
    void theDefaultSpecIsOneControlPlaneNamedKubicle() {
        ClusterSpec spec = ClusterSpec.builder().build();
        assertThat(spec.name()).isEqualTo("kubicle");
        assertThat(spec.toYaml()).containsOnlyOnce("role: ").contains("role: control-plane");
    }

    @Test
    void badSettingsFailAsInvalidInputNamingTheField() {
        assertThatThrownBy(() -> ClusterSpec.builder().name("Not_A_Name").build())
                .isInstanceOf(KubicleException.class).hasMessageContaining("name")
                .satisfies(e -> assertThat(((KubicleException) e).exitCode()).isEqualTo(ExitCode.INVALID_INPUT));
        assertThatThrownBy(() -> ClusterSpec.builder().controlPlanes(0).build())
                .isInstanceOf(KubicleException.class).hasMessageContaining("at least one control plane");
        assertThatThrownBy(() -> ClusterSpec.builder().build().withName("x".repeat(80)))
                .isInstanceOf(KubicleException.class).hasMessageContaining("too long");
    }
}
