package dev.kubicle.config;

/** A node port published on the host, as kind's {@code extraPortMappings}. */
public record PortMapping(
        Integer containerPort,
        Integer hostPort,
        String listenAddress,
        String protocol) {
}
