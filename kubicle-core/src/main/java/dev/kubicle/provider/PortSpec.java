package dev.kubicle.provider;

/**
 * A container port published on the host.
 *
 * @param hostPort 0 for a port the engine picks
 * @param protocol "tcp", "udp" or "sctp"
 */
public record PortSpec(String listenAddress, int hostPort, int containerPort, String protocol) {
}
