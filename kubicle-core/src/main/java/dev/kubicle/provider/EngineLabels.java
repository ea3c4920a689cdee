package dev.kubicle.provider;

/**
 * The labels that tie a cluster spread over several engines together, so that any command connected to one of its
 * engines finds the rest (kubicle keeps no state outside the engines).
 */
public final class EngineLabels {
    /** On a container spread over engines: the address of the engine it lives on, as DOCKER_HOST names it. */
    public static final String ENGINE = "dev.kubicle.engine";
    /**
     * On the network of a cluster spread over engines: every engine's address, comma-separated, the network's own
     * (home) engine first.
     */
    public static final String ENGINES = "dev.kubicle.engines";

    private EngineLabels() {
    }
}
