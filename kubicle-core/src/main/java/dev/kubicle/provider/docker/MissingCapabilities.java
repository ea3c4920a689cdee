package dev.kubicle.provider.docker;

import com.github.dockerjava.api.model.Capability;

import java.util.ArrayList;
import java.util.List;

/**
 * Works out which capabilities an engine's host cannot grant, by trying to start containers that ask for some of
 * them. The engine's refusal ("unable to apply caps: operation not permitted") does not name the capability, and a
 * container that asks for all of them to read its bounding set from inside is refused too; so the search splits the
 * capabilities in halves and tries each, which finds one missing capability in about six tries. A local engine's
 * host is likely to lack what this process lacks: that guess is tried first and, when right, costs one try.
 */
final class MissingCapabilities {

    /** Starts a container that asks for the given capabilities besides the engine's defaults. */
    @FunctionalInterface
    interface Trial {
        /** @return true if the engine started it, false if it refused for want of a capability */
        boolean starts(List<Capability> added);
    }

    private MissingCapabilities() {
    }

    /**
     * Only to be asked after the engine refused {@code --privileged} for want of a capability, which proves that
     * at least one of {@link Capabilities#BY_NUMBER} is missing.
     *
     * @param suspects the capabilities most likely missing (this process's own lack), or none
     * @return the missing capabilities, in the kernel's order
     */
    static List<Capability> find(Trial trial, List<Capability> suspects) {
        List<Capability> all = Capabilities.BY_NUMBER;
        if (!suspects.isEmpty() && trial.starts(all.stream().filter(cap -> !suspects.contains(cap)).toList())) {
            return among(trial, all.stream().filter(suspects::contains).toList());
        }
        return among(trial, all);
    }

    /** @param capabilities capabilities of which at least one is missing */
    private static List<Capability> among(Trial trial, List<Capability> capabilities) {
        if (capabilities.size() == 1) {
            return capabilities;
        }
        List<Capability> first = capabilities.subList(0, capabilities.size() / 2);
        List<Capability> second = capabilities.subList(capabilities.size() / 2, capabilities.size());
        if (trial.starts(first)) {
            return among(trial, second);
        }
        List<Capability> missing = new ArrayList<>(among(trial, first));
        if (!trial.starts(second)) {
            missing.addAll(among(trial, second));
        }
        return missing;
    }
}
