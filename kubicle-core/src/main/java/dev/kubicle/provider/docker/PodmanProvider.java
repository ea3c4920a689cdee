package dev.kubicle.provider.docker;

import dev.kubicle.provider.PortSpec;

import java.util.List;

/**
 * Runs nodes on rootful Podman through the Docker-compatible API its service offers
 * ({@code podman system service}): the same calls as {@link DockerProvider}, the same node containers (Podman's
 * {@code --privileged} works once the limits below fit, so the privilege decision is the same too). What differs is
 * handled where it arises: the default process limit (nodes ask for none, see {@link NodeContainerConfig}), the
 * names Podman gives local images in archives (the image loader tags them as asked), the published ports
 * and the refusal below.
 */
public final class PodmanProvider extends DockerProvider {
    private static final String ANY_IPV4 = "0.0.0.0";

    private PodmanProvider(EngineConnection connection) {
        super(connection);
    }

    /** Connects to the service named by CONTAINER_HOST, else rootful Podman's socket, /run/podman/podman.sock. */
    public static PodmanProvider connect() {
        return connect(null);
    }

    /** @param host e.g. "unix:///run/podman/podman.sock"; null for the default */
    public static PodmanProvider connect(String host) {
        return new PodmanProvider(EngineConnection.open(host, EngineProduct.PODMAN));
    }

    /**
     * Podman 4.3's netavark turns a host address of 0.0.0.0 into a forwarding rule for the destination 0.0.0.0/32,
     * which no packet has: the port is held on the host but forwards nothing. Without an address it forwards every
     * address of the host, which is what 0.0.0.0 (kind's default listenAddress) means.
     */
    @Override
    List<PortSpec> enginePorts(List<PortSpec> ports) {
        return ports.stream().map(port -> ANY_IPV4.equals(port.listenAddress())
                ? new PortSpec("", port.hostPort(), port.containerPort(), port.protocol()) : port).toList();
    }

    /**
     * Rootful Podman gives every container 1048576 open files and processes unless configured otherwise; on a host
     * whose hard limits are lower and which cannot raise them (no CAP_SYS_RESOURCE), runc's setrlimit refuses every
     * container, privileged or not.
     */
    @Override
    String startFailureHint(String message) {
        if (!message.contains("error setting rlimit")) {
            return "";
        }
        return "; Podman asks for more open files or processes than this host's hard limits (ulimit -Hn, ulimit -Hu)"
                + " and cannot raise them here: set default_ulimits in /etc/containers/containers.conf to at most"
                + " those and restart Podman's service (scripts/ensure-podman.sh does both)";
    }
}
