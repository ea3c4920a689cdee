package dev.kubicle.provider.factory;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.provider.Provider;
import dev.kubicle.provider.docker.DockerProvider;
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
        connectors.put(ProviderKind.DOCKER, DockerProvider::connect);
        connectors.put(ProviderKind.PODMAN, PodmanProvider::connect);
        return connect(requested, System.getenv(ENVIRONMENT), connectors);
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
