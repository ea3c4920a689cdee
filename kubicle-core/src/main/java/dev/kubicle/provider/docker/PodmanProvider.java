package dev.kubicle.provider.docker;

/**
 * Runs nodes on rootful Podman through the Docker-compatible API its service offers
 * ({@code podman system service}): the same calls as {@link DockerProvider}, the same node containers (Podman's
 * {@code --privileged} works once the limits below fit, so the privilege decision is the same too). What differs is
 * handled where it arises: the default process limit (nodes ask for none, see {@link NodeContainerConfig}), the
 * names Podman gives local images in archives (the image loader tags them as asked), and the refusal below.
 */
public final class PodmanProvider extends DockerProvider {

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
