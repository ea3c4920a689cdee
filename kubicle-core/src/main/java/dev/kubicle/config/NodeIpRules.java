package dev.kubicle.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * kubicle's static node addresses: one per family of the cluster network, comma-separated (an IPv6 one only for
 * {@code ipFamily} ipv6 or dual), each inside {@code networking.subnet}'s range of its family, none taken twice, and
 * none of the addresses the engine keeps for itself: the network address, the gateway (the first host address, as
 * Docker assigns it) and IPv4's broadcast address.
 */
final class NodeIpRules {

    private NodeIpRules() {
    }

    static void check(Cluster cluster, Problems problems) {
        String family = cluster.networking().ipFamily();
        String subnetText = cluster.networking().subnet();
        // A broken subnet is reported by NetworkingRules; checking addresses against it would only add noise.
        Optional<List<Cidr>> subnets = subnetText == null
                ? Optional.empty()
                : NodeSubnets.parse(subnetText, family, new Problems());
        Map<IpAddress, String> takenBy = new HashMap<>();
        List<Node> nodes = cluster.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            String ipText = nodes.get(i).ip();
            if (ipText == null) {
                continue;
            }
            String path = YamlPath.field(YamlPath.index("nodes", i), "ip");
            for (IpAddress ip : addresses(ipText, family, path, problems)) {
                if (subnetText == null) {
                    problems.add(path, "is set but networking.subnet is not",
                            "set networking.subnet to a range that holds it, such as " + rangeAround(ip));
                } else if (subnets.isPresent()) {
                    Optional<Cidr> subnet = NodeSubnets.ofFamily(subnets.get(), ip);
                    if (subnet.isEmpty()) {
                        problems.add(path, ip + " has no range of its family in networking.subnet " + subnetText,
                                "add one, such as " + subnetText + "," + rangeAround(ip));
                        continue;
                    }
                    checkInside(ip, subnet.get(), path, problems);
                    String owner = takenBy.putIfAbsent(ip, YamlPath.index("nodes", i));
                    if (owner != null) {
                        problems.add(path, ip + " is already the address of " + owner,
                                "give every node an address of its own");
                    }
                }
            }
        }
    }

    /** The addresses of one node's field, or none when it is not one address per family of the cluster. */
    private static List<IpAddress> addresses(String text, String family, String path, Problems problems) {
        return PerFamily.entries(text, part -> address(part, family, path, problems), IpAddress::isIpv4, path,
                "address", problems).orElse(List.of());
    }

    private static Optional<IpAddress> address(String text, String family, String path, Problems problems) {
        Optional<IpAddress> ip = IpAddress.parse(text);
        if (family.equals("ipv4") && ip.filter(IpAddress::isIpv4).isEmpty()) {
            problems.add(path, "\"" + text + "\" is not an IPv4 address", "use an address such as 172.30.0.10");
            return Optional.empty();
        }
        if (ip.isEmpty()) {
            problems.add(path, "\"" + text + "\" is not an IP address",
                    "use one address per family, comma-separated, such as 172.30.0.10,fd00:172:30::10");
        }
        return ip;
    }

    private static Cidr rangeAround(IpAddress ip) {
        Cidr range = new Cidr(ip, ip.isIpv4() ? 24 : 64);
        return new Cidr(range.network(), range.prefix());
    }

    private static void checkInside(IpAddress ip, Cidr subnet, String path, Problems problems) {
        IpAddress lastUsable = subnet.isIpv4() ? subnet.last().plus(-1) : subnet.last();
        String usable = "use an address from " + subnet.network().plus(2) + " to " + lastUsable;
        if (!subnet.contains(ip)) {
            problems.add(path, ip + " is outside networking.subnet " + subnet, usable);
        } else if (ip.equals(subnet.network())) {
            problems.add(path, ip + " is the network address of " + subnet, usable);
        } else if (ip.equals(subnet.network().plus(1))) {
            problems.add(path, ip + " is the gateway address of " + subnet + ", which the engine takes", usable);
        } else if (subnet.isIpv4() && ip.equals(subnet.last())) {
            problems.add(path, ip + " is the broadcast address of " + subnet, usable);
        }
    }
}
