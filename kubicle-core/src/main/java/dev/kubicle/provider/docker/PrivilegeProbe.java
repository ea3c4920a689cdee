package dev.kubicle.provider.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.provider.PrivilegeMode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Finds out whether {@code --privileged} works before any node exists (when someone asks for the mode first).
 * It starts a container from an empty image whose entrypoint does not exist: the runtime grants capabilities
 * before it looks for the program, so a refusal names the capabilities, and acceptance fails later, on the
 * missing program. Nothing is pulled; the probe's container and image are removed again.
 */
final class PrivilegeProbe {
    static final String IMAGE = "kubicle.dev/privilege-probe:empty";
    static final String MISSING_PROGRAM = "/kubicle-privilege-probe";

    private final DockerClient client;
    private final DockerImages images;

    PrivilegeProbe(DockerClient client, DockerImages images) {
        this.client = client;
        this.images = images;
    }

    PrivilegeMode run(PrivilegeChoice choice) {
        if (!images.exists(IMAGE)) {
            images.importRootfs(new ByteArrayInputStream(emptyRootfs()), IMAGE, List.of());
        }
        String name = "kubicle-privilege-probe-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            return choice.decideWith(mode -> tryStart(name, mode), () -> remove(name));
        } finally {
            remove(name);
            try {
                client.removeImageCmd(IMAGE).exec();
            } catch (DockerException inUseByAnotherProbe) {
                // Another kubicle may be probing at this moment; the image is tiny and reused next time.
            }
        }
    }

    /** Throws the engine's refusal for a mode that is refused; returns quietly for one that was accepted. */
    private void tryStart(String name, PrivilegeMode mode) {
        HostConfig host = HostConfig.newHostConfig().withNetworkMode("none");
        if (mode == PrivilegeMode.PRIVILEGED) {
            host.withPrivileged(true);
        } else {
            host.withCapAdd(Capability.ALL).withCapDrop(Capability.SYS_RESOURCE);
        }
        client.createContainerCmd(IMAGE).withName(name).withEntrypoint(MISSING_PROGRAM)
                .withLabels(Map.of("dev.kubicle.probe", "privileges")).withHostConfig(host).exec();
        try {
            client.startContainerCmd(name).exec();
        } catch (DockerException e) {
            if (PrivilegeFallback.refusedPrivileges(e)) {
                throw e;
            }
            if (!EngineErrors.message(e).contains(MISSING_PROGRAM)) {
                throw new KubicleException(ExitCode.UNEXPECTED_STATE,
                        "cannot tell whether the engine runs privileged containers: " + EngineErrors.message(e), e);
            }
        }
    }

    private void remove(String name) {
        try {
            client.removeContainerCmd(name).withForce(true).exec();
        } catch (NotFoundException alreadyGone) {
            // Nothing was created, or it is removed already.
        }
    }

    private static byte[] emptyRootfs() {
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        try (TarWriter tar = new TarWriter(archive)) {
            tar.directory("etc", 0755);
        }
        return archive.toByteArray();
    }
}
