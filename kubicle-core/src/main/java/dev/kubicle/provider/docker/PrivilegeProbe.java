package dev.kubicle.provider.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.provider.NodePrivileges;
import dev.kubicle.provider.PrivilegeMode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Short-lived containers that find out what privileges the engine grants: whether {@code --privileged} works (when
 * someone asks before any node exists), and which capabilities the host lacks when it does not. A probe starts from
 * an empty image whose entrypoint does not exist: the runtime grants capabilities before it looks for the program,
 * so a refusal is about capabilities, and acceptance fails later, on the missing program. Nothing is pulled; every
 * probe container is removed again, and the image too by the call that imported it.
 */
final class PrivilegeProbe {
    static final String IMAGE = "kubicle.dev/privilege-probe:empty";
    static final String MISSING_PROGRAM = "/kubicle-privilege-probe";
    /** How the engine refuses a capability the kernel does not have (an older kernel than the engine's list). */
    private static final Pattern UNKNOWN = Pattern.compile("unknown capability: \"?CAP_([A-Z_]+)");

    private final DockerClient client;
    private final DockerImages images;
    /** Capabilities this engine does not know: never asked for, so never missing. */
    private final Set<Capability> unknown = new HashSet<>();

    PrivilegeProbe(DockerClient client, DockerImages images) {
        this.client = client;
        this.images = images;
    }

    /** Decides how nodes are privileged before any node exists. */
    NodePrivileges decide(PrivilegeChoice choice) {
        return withImage(() -> choice.decideWith(this::start, () -> { }));
    }

    /**
     * The capabilities the host cannot grant, by their Linux names; see {@link MissingCapabilities}.
     *
     * @param suspects the ones most likely missing
     */
    List<String> unavailableCapabilities(List<Capability> suspects) {
        return withImage(() -> MissingCapabilities.find(this::starts, suspects)).stream()
                .map(Capabilities::linuxName).toList();
    }

    private <T> T withImage(Supplier<T> work) {
        boolean imported = !images.exists(IMAGE);
        if (imported) {
            images.importRootfs(new ByteArrayInputStream(emptyRootfs()), IMAGE, List.of());
        }
        try {
            return work.get();
        } finally {
            if (imported) {
                removeImage();
            }
        }
    }

    /** Throws the engine's refusal of these privileges; returns quietly when it granted them. */
    private void start(NodePrivileges privileges) {
        HostConfig host = HostConfig.newHostConfig();
        if (privileges.mode() == PrivilegeMode.PRIVILEGED) {
            host.withPrivileged(true);
        } else {
            host.withCapAdd(Capability.ALL).withCapDrop(Capabilities.fromLinuxNames(
                    privileges.unavailableCapabilities()));
        }
        start(host);
    }

    /** Whether a container asking for these capabilities starts; false when refused for want of one. */
    private boolean starts(List<Capability> added) {
        while (true) {
            try {
                start(HostConfig.newHostConfig().withCapAdd(added.stream().filter(cap -> !unknown.contains(cap))
                        .toArray(Capability[]::new)));
                return true;
            } catch (DockerException e) {
                if (PrivilegeFallback.refusedPrivileges(e)) {
                    return false;
                }
                Matcher name = UNKNOWN.matcher(EngineErrors.message(e));
                if (!name.find() || !unknown.add(Capability.valueOf(name.group(1)))) {
                    throw e;
                }
            }
        }
    }

    private void start(HostConfig host) {
        String name = "kubicle-privilege-probe-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            client.createContainerCmd(IMAGE).withName(name).withEntrypoint(MISSING_PROGRAM)
                    .withLabels(Map.of("dev.kubicle.probe", "privileges"))
                    .withHostConfig(host.withNetworkMode("none")).exec();
            client.startContainerCmd(name).exec();
        } catch (DockerException e) {
            if (PrivilegeFallback.refusedPrivileges(e) || UNKNOWN.matcher(EngineErrors.message(e)).find()) {
                throw e;
            }
            if (!EngineErrors.message(e).contains(MISSING_PROGRAM)) {
                throw new KubicleException(ExitCode.UNEXPECTED_STATE,
                        "cannot tell which privileges the engine grants: " + EngineErrors.message(e), e);
            }
        } finally {
            removeContainer(name);
        }
    }

    private void removeContainer(String name) {
        try {
            client.removeContainerCmd(name).withForce(true).exec();
        } catch (NotFoundException alreadyGone) {
            // Nothing was created.
        }
    }

    private void removeImage() {
        try {
            client.removeImageCmd(IMAGE).exec();
        } catch (DockerException inUseByAnotherProbe) {
            // Another kubicle may be probing at this moment; the image is tiny and reused next time.
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
