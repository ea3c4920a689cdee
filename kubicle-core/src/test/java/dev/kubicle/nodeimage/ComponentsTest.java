package dev.kubicle.nodeimage;

import dev.kubicle.KubicleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ComponentsTest {

    @Test
    void readsTheImageListAndVersionsBuildComponentsWrote(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("images.txt"), """
                registry.k8s.io/kube-apiserver:v1.37.2
                registry.k8s.io/pause:3.10.2

                """);
        Files.writeString(directory.resolve("versions.env"), """
                # Written by build-components.sh; versions of the components in bin/.
                KUBERNETES_VERSION=v1.37.2
                ETCD_VERSION=3.7.0-0
                """);

        Components components = Components.read("v1.37.2", directory);

        assertThat(components.images()).containsExactly("registry.k8s.io/kube-apiserver:v1.37.2",
                "registry.k8s.io/pause:3.10.2");
        assertThat(components.versions()).isEqualTo(Map.of("KUBERNETES_VERSION", "v1.37.2",
                "ETCD_VERSION", "3.7.0-0"));
        assertThat(components.pauseImage()).isEqualTo("registry.k8s.io/pause:3.10.2");
        assertThat(components.binary("kubelet")).isEqualTo(directory.resolve("bin/kubelet"));
    }

    @Test
    void aVersionsLineThatIsNoAssignmentIsAnError() {
        assertThatThrownBy(() -> Components.parseVersions(List.of("KUBERNETES_VERSION v1.37.2")))
                .isInstanceOf(KubicleException.class).hasMessageContaining("KUBERNETES_VERSION v1.37.2");
    }

    @Test
    void aListWithoutPauseImageIsAnError() {
        Components components = new Components("v1.37.2", Path.of("/c"), List.of("registry.k8s.io/etcd:3.7.0-0"),
                Map.of());

        assertThatThrownBy(components::pauseImage).hasMessageContaining("lists no pause image");
    }

    @Test
    void preloadedImagesFindCommandsOnTheirPathAndKeepTheirEntrypoint() {
        PreloadImage image = new PreloadImage("docker.io/kubicle/cni:v1", List.of("/bin/sh", "/kubicle-cni.sh"),
                List.of());
        PreloadImage withoutEntrypoint = new PreloadImage("registry.k8s.io/etcd:3.7.0-0", List.of(), List.of());

        assertThat(image.configJson()).isEqualTo("{\"Env\":[\"PATH=/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\"],"
                + "\"Entrypoint\":[\"/bin/sh\",\"/kubicle-cni.sh\"]}");
        assertThat(withoutEntrypoint.configJson()).doesNotContain("Entrypoint");
    }
}
