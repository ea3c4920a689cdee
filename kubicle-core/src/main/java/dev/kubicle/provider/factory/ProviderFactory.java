package dev.kubicle.provider.factory;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.provider.Provider;
import dev.kubicle.provider.docker.DockerProvider;
import dev.kubicle.provider.docker.MultiEngineProvider;
import dev.kubicle.provider.docker.PodmanProvider;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Chooses the engine kubicle's nodes run on and connects to it: the one named by {@code --provider} (the CLI) or
 * the library's builder, else by {@code KUBICLE_PROVIDER}, else the first that answers, Docker's socket before
 * Podman's (as kind detects, Docker first: it is what most machines run). Nothing else in kubicle names an engine.
 * A Docker engine holding clusters spread over several engines comes with those engines (see
 * {@link MultiEngineProvider}).
 */
public final class ProviderFactory {
    /** The environment variable that names the engine when no flag does. */
    public static final String ENVIRONMENT = "KUBICLE_PROVIDER";

    private ProviderFactory() {
    }

    /**
     * @param requested "docker", "podman", "auto", or null to read {@link #ENVIRONMENT}
     * @throws KubicleException {@link ExitCode#INVALID_INPUT} for an unknown name, {@link ExitCode#UNEXPECTED_STATE}
     *                          when the engine named (or, detecting, every engine) does not answer
     */
    public static Provider connect(String requested) {
        Map<ProviderKind, Supplier<Provider>> connectors = new LinkedHashMap<>();
        connectors.put(ProviderKind.DOCKER, () -> MultiEngineProvider.around(DockerProvider.connect()));
        connectors.put(ProviderKind.PODMAN, PodmanProvider::connect);
        return connect(requested, System.getenv(ENVIRONMENT), connectors);
    }

    /**
     * The Docker engine at {@code dockerHost}, with the other engines of the clusters it holds that are spread over
     * several engines (see {@link MultiEngineProvider#around}).
     */
    public static Provider connectDocker(String dockerHost) {
        return MultiEngineProvider.around(DockerProvider.connect(dockerHost));
    }

    /**
     * Several Docker engines of one swarm as one, for a cluster config's {@code engines}.
     *
     * @param hosts the engines' addresses as DOCKER_HOST takes them; the first makes the cluster's network
     */
    public static Provider connectEngines(List<String> hosts) {
        return MultiEngineProvider.connect(hosts);
    }

    /**
     * The choice itself, for any kind of connection.
     *
     * @param connectors one per kind, in the order detection tries them; each throws a {@link KubicleException}
     *                   with {@link ExitCode#UNEXPECTED_STATE} when its engine does not answer
     */
    static <P> P connect(String requested, String fromEnvironment, Map<ProviderKind, Supplier<P>> connectors) {
        Optional<ProviderKind> named = requested != null ? ProviderKind.parse(requested, "--provider")
                : ProviderKind.parse(fromEnvironment, ENVIRONMENT);
        if (named.isPresent()) {
            return connectors.get(named.get()).get();
        }
        List<String> reasons = new ArrayList<>();
        for (Map.Entry<ProviderKind, Supplier<P>> candidate : connectors.entrySet()) {
            try {
                return candidate.getValue().get();
            } catch (KubicleException e) {
                if (e.exitCode() != ExitCode.UNEXPECTED_STATE) {
                    throw e;
                }
                reasons.add(e.getMessage());
            }
        }
        throw new KubicleException(ExitCode.UNEXPECTED_STATE, "no container engine answers: "
                + String.join("; ", reasons) + " (or name one with --provider or " + ENVIRONMENT + ")");
    }
}
