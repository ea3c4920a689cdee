package dev.kubicle.provider.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.command.SaveImagesCmd;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ContainerConfig;
import com.github.dockerjava.api.model.Info;
import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.provider.StoredImage;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Node images: made here from a root file system, a build context or a prepared container, because no registry
 * may be reachable; pulled only when asked for by name, such as kind's published node images.
 */
final class DockerImages {
    private final DockerClient client;
    private final EngineHttp raw;

    DockerImages(DockerClient client, EngineHttp raw) {
        this.client = client;
        this.raw = raw;
    }

    boolean exists(String reference) {
        try {
            client.inspectImageCmd(reference).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    Optional<String> id(String reference) {
        try {
            return Optional.ofNullable(client.inspectImageCmd(reference).exec().getId());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * The images as {@link Overlay2Storage} reads them from this machine's disk, all of them or none. Podman's
     * storage driver has another name ("overlay") and another layout, so it has none.
     */
    Optional<List<StoredImage>> stored(List<String> references) {
        Optional<Overlay2Storage> storage;
        try {
            Info info = client.infoCmd().exec();
            storage = Overlay2Storage.of(info.getDockerRootDir(), info.getDriver());
        } catch (DockerException e) {
            throw EngineErrors.failed("read where the engine stores images", e);
        }
        if (storage.isEmpty()) {
            return Optional.empty();
        }
        List<StoredImage> images = new ArrayList<>();
        for (String reference : references) {
            Optional<StoredImage> image = inspect(reference).flatMap(found -> found.getRootFS() == null
                    ? Optional.empty()
                    : storage.get().image(reference, found.getId(), found.getRootFS().getLayers()));
            if (image.isEmpty()) {
                return Optional.empty();
            }
            images.add(image.get());
        }
        return Optional.of(images);
    }

    private Optional<InspectImageResponse> inspect(String reference) {
        try {
            return Optional.of(client.inspectImageCmd(reference).exec());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    Optional<Map<String, String>> labels(String reference) {
        try {
            ContainerConfig config = client.inspectImageCmd(reference).exec().getConfig();
            Map<String, String> labels = config == null ? null : config.getLabels();
            return Optional.of(labels == null ? Map.of() : Map.copyOf(labels));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * {@code docker import}: docker-java's CreateImageCmd cannot send {@code changes}, so this is a raw call. The
     * engine takes the whole reference as {@code repo}, tag included.
     */
    void importRootfs(InputStream rootfsTar, String reference, List<String> changes) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("fromSrc", List.of("-"));
        query.put("repo", List.of(reference));
        query.put("changes", changes);
        try {
            raw.post("/images/create", query, rootfsTar, "application/x-tar");
        } catch (EngineHttp.EngineCallException e) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE,
                    "cannot import image " + reference + ": " + e.getMessage(), e);
        }
    }

    /** {@code docker pull}; the reference may carry a tag and a digest, as kind's image references do. */
    void pull(String reference) {
        try {
            raw.post("/images/create", Map.of("fromImage", List.of(reference)), null, "application/json");
        } catch (EngineHttp.EngineCallException e) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE,
                    "cannot pull image " + reference + ": " + e.getMessage(), e);
        }
    }

    /** A classic build of a context tar; {@code pull=false} keeps it off registries (FROM must be local). */
    void build(InputStream contextTar, String reference) {
        try {
            client.buildImageCmd(contextTar)
                    .withTags(Set.of(reference))
                    .withPull(false)
                    .withRemove(true)
                    .withForcerm(true)
                    .exec(new BuildImageResultCallback())
                    .awaitImageId();
        } catch (DockerClientException | DockerException e) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE,
                    "cannot build image " + reference + ": " + EngineErrors.message(e), e);
        }
    }

    /** {@code docker save}; the caller reads and closes the stream. */
    InputStream save(List<String> references) {
        SaveImagesCmd save = client.saveImagesCmd();
        for (String reference : references) {
            // docker-java sends name + ":" + tag, so splitting at the tag's colon gives back the reference as is.
            int slash = reference.lastIndexOf('/');
            int colon = reference.lastIndexOf(':');
            if (colon > slash) {
                save.withImage(reference.substring(0, colon), reference.substring(colon + 1));
            } else {
                save.withImage(reference, "latest");
            }
        }
        try {
            return save.exec();
        } catch (DockerException e) {
            throw EngineErrors.failed("save images " + String.join(", ", references), e);
        }
    }

    /** {@code docker commit --change ...}: docker-java's CommitCmd cannot send {@code changes} either. */
    void commit(String container, String reference, List<String> changes) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("container", List.of(container));
        query.put("repo", List.of(reference));
        query.put("pause", List.of("true"));
        query.put("changes", changes);
        try {
            // An empty config: the engine applies the changes to it, then fills the rest from the container.
            raw.post("/commit", query, new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)),
                    "application/json");
        } catch (EngineHttp.EngineCallException e) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE,
                    "cannot commit " + container + " as " + reference + ": " + e.getMessage(), e);
        }
    }
}
