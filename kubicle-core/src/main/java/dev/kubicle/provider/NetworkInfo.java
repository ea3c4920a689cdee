package dev.kubicle.provider;

import java.time.Instant;
import java.util.Map;

/**
 * A network as the engine reports it; {@code created} orders networks made at nearly the same moment.
 *
 * @param subnet      its IPv4 range, empty if it has none
 * @param ipv6Subnet  its IPv6 range, empty if IPv6 is off on it
 */
public record NetworkInfo(String name, String id, String subnet, String gateway, String ipv6Subnet,
                          String ipv6Gateway, Map<String, String> labels, Instant created) {
}
