package dev.kubicle.provider.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import dev.kubicle.KubicleException;
import dev.kubicle.nodeimage.OfflineNodeImages;
import dev.kubicle.progress.Progress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The engine's volume copies behind snapshots, on the real engine with kubicle's base image, the userland of every
 * node image (whose GNU cp does the copy): what a node's /var holds survives the copy, and a copy that cannot be made
 * leaves neither its helper nor a half-made volume. The base image is built here when missing: on a fresh machine
 * this test runs before anything has built a node image.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VolumeCopyIT {
    private static final String IMAGE = OfflineNodeImages.BASE_ALIAS;
    private static final String FILES = "mkdir -p /v/d && echo saved > /v/d/f && chown 1234:5678 /v/d/f && chmod 640 "
            + "/v/d/f && ln -s f /v/d/link && ln /v/d/f /v/d/hard && truncate -s 64M /v/d/sparse";
    private static final String DESCRIBE = "cd /v/d && stat -c '%n %u:%g %a %h' f && readlink link && cat hard "
            + "&& du -k sparse | cut -f1";

    private final String run = "volcopy-it-" + UUID.randomUUID().toString().substring(0, 6);
    private final Map<String, String> labels = Map.of(DockerProviderIT.TEST_LABEL, run);
    private DockerProvider provider;
    private DockerClient client;

    @BeforeAll
    void connectAndFillASource() {
        provider = DockerProvider.connect();
        client = provider.connection().client();
        new OfflineNodeImages().build(IMAGE, provider, Progress.silent());
        client.createVolumeCmd().withName(run + "-source").withLabels(labels).exec();
        assertThat(shell(run + "-source", FILES)).isEmpty();
    }

    @AfterAll
    void removeEverything() {
        provider.volumes(labels).forEach(provider::deleteVolume);
        provider.close();
    }

    @Test
    void aCopyKeepsOwnersModesLinksAndHolesAndCarriesItsLabels() throws InterruptedException {
        String target = run + "-copy";
        provider.copyVolume(run + "-source", target, Map.of(DockerProviderIT.TEST_LABEL, run, "purpose", "copy"),
                IMAGE);

        assertThat(shell(target, DESCRIBE)).isEqualTo(shell(run + "-source", DESCRIBE))
                .startsWith("f 1234:5678 640 2\nf\nsaved\n");
        assertThat(provider.volumeLabels(Map.of("purpose", "copy"))).containsOnlyKeys(target)
                .containsEntry(target, Map.of(DockerProviderIT.TEST_LABEL, run, "purpose", "copy"));
        assertThat(helpers()).isEmpty();
    }

    @Test
    void replacingContentsLeavesOnlyWhatTheSourceHolds() throws InterruptedException {
        String target = run + "-refilled";
        client.createVolumeCmd().withName(target).withLabels(labels).exec();
        shell(target, "echo stale > /v/stale && mkdir -p /v/d && echo changed > /v/d/f");

        provider.replaceVolumeContents(run + "-source", target, IMAGE);

        assertThat(shell(target, "ls /v; cat /v/d/f")).isEqualTo("d\nsaved");
        assertThat(helpers()).isEmpty();
    }

    @Test
    void aCopyThatCannotBeMadeLeavesNoHelperAndNoVolume() {
        String target = run + "-failed";
        assertThatThrownBy(() -> provider.copyVolume(run + "-source", target, labels, "kubicle-test/none:missing"))
                .isInstanceOf(KubicleException.class).hasMessageContaining(target);
        assertThatThrownBy(() -> provider.copyVolume(run + "-source", run + "-source", labels, IMAGE))
                .isInstanceOf(KubicleException.class).hasMessageContaining("exists already");

        assertThat(provider.volumes(labels)).doesNotContain(target);
        assertThat(helpers()).isEmpty();
    }

    private List<String> helpers() {
        return provider.nodeNames(Map.of(VolumeCopy.HELPER_LABEL, ""));
    }

    /** Runs a script in a container of the node image with the volume at /v; returns what it printed. */
    private String shell(String volume, String script) {
        String container = client.createContainerCmd(IMAGE).withEntrypoint("sh", "-c", script).withLabels(labels)
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none")
                        .withBinds(new Bind(volume, new Volume("/v")))).exec().getId();
        try {
            client.startContainerCmd(container).exec();
            Integer exit = client.waitContainerCmd(container).start().awaitStatusCode();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new ContainerLog(client).write(container, out);
            String output = out.toString(StandardCharsets.UTF_8).strip();
            assertThat(exit).as(output).isZero();
            return output;
        } finally {
            client.removeContainerCmd(container).withForce(true).exec();
        }
    }
}
