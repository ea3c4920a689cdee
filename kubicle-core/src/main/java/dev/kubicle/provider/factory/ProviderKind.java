package dev.kubicle.provider.factory;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The engines kubicle can run nodes on, by the names {@code --provider} and {@code KUBICLE_PROVIDER} take. */
public enum ProviderKind {
    DOCKER,
    PODMAN;

    /** The name a user writes: "docker", "podman". */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param value where it came from ({@code --provider}, {@code KUBICLE_PROVIDER}) goes into the message if bad
     * @return the kind named, or empty for "auto", an empty or a missing value: detect what answers
     * @throws KubicleException with {@link ExitCode#INVALID_INPUT} for any other name
     */
    static Optional<ProviderKind> parse(String value, String source) {
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("auto")) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(kind -> kind.label().equalsIgnoreCase(value.strip())).findFirst()
                .or(() -> {
                    throw new KubicleException(ExitCode.INVALID_INPUT, source + " \"" + value
                            + "\" is not an engine kubicle knows; use " + Arrays.stream(values())
                            .map(ProviderKind::label).collect(Collectors.joining(", ")) + " or auto");
                });
    }
}
