package dev.kubicle.config;

import java.util.List;
import java.util.Optional;

/**
 * kubicle's {@code networking.subnet}: the ranges of the Docker network the nodes join, one per family,
 * comma-separated. The network always has an IPv4 range (the engine gives every bridge network one); an IPv6 range
 * is for clusters of {@code ipFamily} ipv6 or dual only, whose network carries both families.
 */
final class NodeSubnets {
    static final String PATH = "networking.subnet";
    /** Room for the network address, the gateway, a node and the broadcast address. */
    private static final int LONGEST_IPV4_PREFIX = 29;
    /** IPv6 has no broadcast address, but the engine's allocator wants some room all the same. */
    private static final int LONGEST_IPV6_PREFIX = 120;

    private NodeSubnets() {
    }

    /** The subnet's ranges, if every one of them is usable; the problems otherwise. */
    static Optional<List<Cidr>> parse(String text, String ipFamily, Problems problems) {
        return PerFamily.entries(text, part -> one(part, ipFamily, problems), Cidr::isIpv4, PATH, "range", problems);
    }

    /** The range of the address's family, if the subnet has one. */
    static Optional<Cidr> ofFamily(List<Cidr> subnets, IpAddress address) {
        return subnets.stream().filter(subnet -> subnet.isIpv4() == address.isIpv4()).findFirst();
    }

    private static Optional<Cidr> one(String text, String ipFamily, Problems problems) {
        Optional<Cidr> parsed = Cidr.parse(text);
        if (parsed.isEmpty()) {
            problems.add(PATH, "\"" + text + "\" is not a CIDR", "use " + example(ipFamily));
            return Optional.empty();
        }
        Cidr subnet = parsed.get();
        int longest = subnet.isIpv4() ? LONGEST_IPV4_PREFIX : LONGEST_IPV6_PREFIX;
        if (!subnet.isIpv4() && ipFamily.equals("ipv4")) {
            problems.add(PATH, text + " is not an IPv4 range",
                    "use " + example(ipFamily) + ", or set networking.ipFamily to ipv6 or dual");
        } else if (subnet.prefix() > longest) {
            problems.add(PATH, text + " is too small for a gateway and nodes",
                    "use a /" + longest + " or larger range, such as " + subnet.network() + "/"
                            + (subnet.isIpv4() ? 24 : 64));
        } else if (subnet.hasHostBits()) {
            problems.add(PATH, text + " is not the start of its range",
                    "use " + subnet.network() + "/" + subnet.prefix());
        } else {
            return parsed;
        }
        return Optional.empty();
    }

    private static String example(String ipFamily) {
        return switch (ipFamily) {
            case "ipv6" -> "an IPv6 range such as fd00:172:30::/64";
            case "dual" -> "an IPv4 and an IPv6 range such as 172.30.0.0/24,fd00:172:30::/64";
            default -> "an IPv4 range such as 172.30.0.0/24";
        };
    }
}
