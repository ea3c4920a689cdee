package dev.kubicle.provider.docker;

/**
 * The engines that speak the Docker Engine API and what tells them apart before a connection exists: where they
 * listen by default and how a user starts them.
 *
 * @param label         the provider's name, as {@code --provider} takes it
 * @param title         the product's name in messages
 * @param hostVariable  the environment variable the product's own tools read the engine's address from
 * @param defaultHost   the rootful engine's socket
 * @param startHint     what to do when it does not answer
 */
record EngineProduct(String label, String title, String hostVariable, String defaultHost, String startHint) {
    static final EngineProduct DOCKER = new EngineProduct("docker", "Docker", "DOCKER_HOST",
            "unix:///var/run/docker.sock", "start dockerd (scripts/ensure-engine.sh does it)");
    /** Podman's service serves the Docker API (and its own, under /libpod) on one socket. */
    static final EngineProduct PODMAN = new EngineProduct("podman", "Podman", "CONTAINER_HOST",
            "unix:///run/podman/podman.sock",
            "start its API service: podman system service --time=0 (scripts/ensure-podman.sh does it)");

    /** The address in {@link #hostVariable}, else {@link #defaultHost}. */
    String host() {
        String fromEnvironment = System.getenv(hostVariable);
        return fromEnvironment == null || fromEnvironment.isBlank() ? defaultHost : fromEnvironment;
    }
}
