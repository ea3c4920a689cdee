package dev.kubicle.cluster.internal.ops;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ContainerdNamesTest {

    @ParameterizedTest
    @CsvSource({
            "busybox, docker.io/library/busybox:latest",
            "busybox:1.36, docker.io/library/busybox:1.36",
            "kubicle/cni:v1, docker.io/kubicle/cni:v1",
            "registry.k8s.io/pause:3.10.2, registry.k8s.io/pause:3.10.2",
            "localhost/app, localhost/app:latest",
            "my.registry:5000/team/app:dev, my.registry:5000/team/app:dev",
            "my.registry:5000/app, my.registry:5000/app:latest",
            "docker.io/library/nginx:1, docker.io/library/nginx:1",
            "app@sha256:0123, docker.io/library/app@sha256:0123",
    })
    void namesImagesAsContainerdDoesOnImport(String reference, String expected) {
        assertThat(ContainerdNames.of(reference)).isEqualTo(expected);
    }
}
