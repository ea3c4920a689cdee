package dev.kubicle.provider;

import java.util.List;

/**
 * How an engine runs node containers, found out on first use and reported with -v.
 *
 * @param mode                    privileged as kind's nodes, or the same powers granted one by one
 * @param unavailableCapabilities the capabilities the engine's host cannot grant, which emulated nodes go without,
 *                                by their Linux names ({@code CAP_SYS_RESOURCE}); empty for privileged nodes
 */
public record NodePrivileges(PrivilegeMode mode, List<String> unavailableCapabilities) {
    public static final NodePrivileges PRIVILEGED = new NodePrivileges(PrivilegeMode.PRIVILEGED, List.of());

    public NodePrivileges {
        unavailableCapabilities = List.copyOf(unavailableCapabilities);
    }

    public static NodePrivileges emulated(List<String> unavailableCapabilities) {
        return new NodePrivileges(PrivilegeMode.EMULATED, unavailableCapabilities);
    }

    /** In words, for -v: "privileged", or "emulated, without CAP_SYS_RESOURCE, which the engine's host lacks". */
    public String describe() {
        if (mode == PrivilegeMode.PRIVILEGED) {
            return "privileged";
        }
        if (unavailableCapabilities.isEmpty()) {
            return "emulated, with every capability";
        }
        return "emulated, without " + String.join(", ", unavailableCapabilities) + ", which the engine's host lacks";
    }
}
