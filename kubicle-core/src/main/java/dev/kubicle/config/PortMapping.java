package dev.kubicle.config;

/**
 * A node port published on the host, as kind's {@code extraPortMappings}. {@code hostPort} 0 picks a free port;
 * {@code protocol} is TCP, UDP or SCTP, in any case.
 */
public record PortMapping(
        Integer containerPort,
        Integer hostPort,
        String listenAddress,
        String protocol) {
}
