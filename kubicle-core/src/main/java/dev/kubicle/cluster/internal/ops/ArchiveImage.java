package dev.kubicle.cluster.internal.ops;

/**
 * One named image in an image archive.
 *
 * @param name the name containerd gives it on import, e.g. docker.io/library/busybox:latest
 * @param id   the digest that identifies its content: the config digest (Docker's image ID) for Docker archives,
 *             the manifest or index digest for OCI layouts
 */
public record ArchiveImage(String name, String id) {
}
