package dev.kubicle.provider.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Copies one volume into a new one with a short-lived helper container that mounts both, as the engine has no copy
 * call. The helper runs {@code cp -a}, which keeps what a node's /var needs (owners, modes, hard and symbolic links,
 * extended attributes, sparse files) and clones instead of copying where the storage can.
 */
final class VolumeCopy {
    /** Marks the helper, so that one left by a killed kubicle can be told from anything else. */
    static final String HELPER_LABEL = "dev.kubicle.volume-copy";
    /** How often the helper's state is asked; the copy of a node's volume takes about a second. */
    private static final long POLL_MILLIS = 50;

    private final DockerClient client;

    VolumeCopy(DockerClient client) {
        this.client = client;
    }

    void copy(String source, String target, Map<String, String> targetLabels, String image)
            throws InterruptedException {
        requireAbsent(target);
        boolean copied = false;
        try {
            client.createVolumeCmd().withName(target).withLabels(targetLabels).exec();
            run(source, target, image, "cp -a --reflink=auto /from/. /to/");
            copied = true;
        } catch (DockerException e) {
            throw EngineErrors.failed("copy volume " + source + " into " + target, e);
        } finally {
            if (!copied) {
                cleanUp(() -> removeVolumeQuietly(target));
            }
        }
    }

    /** Empties the target, which stopped containers may mount, and copies the source into it. */
    void replaceContents(String source, String target, String image) throws InterruptedException {
        requirePresent(target);
        try {
            run(source, target, image, "find /to -mindepth 1 -delete && cp -a --reflink=auto /from/. /to/");
        } catch (DockerException e) {
            throw EngineErrors.failed("copy volume " + source + " into " + target, e);
        }
    }

    private void run(String source, String target, String image, String script) throws InterruptedException {
        String helper = target + "-copy";
        try {
            client.createContainerCmd(image).withName(helper)
                    .withEntrypoint("sh", "-c", script)
                    .withLabels(Map.of(HELPER_LABEL, target))
                    .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none").withBinds(
                            new Bind(source, new Volume("/from"), AccessMode.ro), new Bind(target, new Volume("/to"))))
                    .exec();
            client.startContainerCmd(helper).exec();
            long exitCode = awaitExit(helper);
            if (exitCode != 0) {
                throw new KubicleException(ExitCode.UNEXPECTED_STATE, "cannot copy volume " + source + " into "
                        + target + ": the copy exited with " + exitCode + ": " + output(helper));
            }
        } finally {
            cleanUp(() -> removeQuietly(helper));
        }
    }

    /** Clears a Ctrl-C's interrupt meanwhile, so that the engine calls of the clean-up are not cut short. */
    private static void cleanUp(Runnable removal) {
        boolean interrupted = Thread.interrupted();
        try {
            removal.run();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void requireAbsent(String volume) {
        try {
            client.inspectVolumeCmd(volume).exec();
        } catch (NotFoundException absent) {
            return;
        }
        throw new KubicleException(ExitCode.UNEXPECTED_STATE, "cannot copy into volume " + volume + ": it exists "
                + "already; delete it first (docker volume rm " + volume + ")");
    }

    private void requirePresent(String volume) {
        try {
            client.inspectVolumeCmd(volume).exec();
        } catch (NotFoundException absent) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE, "cannot copy into volume " + volume + ": there is "
                    + "no such volume", absent);
        }
    }

    /** Polled rather than awaited with the engine's wait call, whose HTTP request an interrupt cannot cut short. */
    private long awaitExit(String helper) throws InterruptedException {
        while (true) {
            InspectContainerResponse.ContainerState state = client.inspectContainerCmd(helper).exec().getState();
            if (!Boolean.TRUE.equals(state.getRunning())) {
                return state.getExitCodeLong() == null ? -1 : state.getExitCodeLong();
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private String output(String helper) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ContainerLog(client).write(helper, out);
        return out.toString(StandardCharsets.UTF_8).strip();
    }

    private void removeQuietly(String helper) {
        try {
            client.removeContainerCmd(helper).withForce(true).exec();
        } catch (NotFoundException neverMade) {
            // Nothing to remove.
        } catch (DockerException e) {
            throw EngineErrors.failed("remove the copy helper " + helper, e);
        }
    }

    private void removeVolumeQuietly(String volume) {
        try {
            client.removeVolumeCmd(volume).exec();
        } catch (NotFoundException neverMade) {
            // Nothing to remove.
        } catch (DockerException e) {
            throw EngineErrors.failed("remove the half-copied volume " + volume, e);
        }
    }
}
