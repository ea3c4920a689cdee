package dev.kubicle.provider;

import java.util.Map;
import java.util.Optional;

/**
 * A bridge network for one cluster.
 *
 * @param subnet     its IPv4 range, fixed by the user, or chosen by the engine when empty
 * @param ipv6Subnet its IPv6 range, for a network of an IPv6 or dual-stack cluster; empty for an IPv4-only network
 */
public record NetworkSpec(String name, Optional<String> subnet, Optional<String> ipv6Subnet,
                          Map<String, String> labels) {

    /** An IPv4-only network. */
    public NetworkSpec(String name, Optional<String> subnet, Map<String, String> labels) {
        this(name, subnet, Optional.empty(), labels);
    }
}
