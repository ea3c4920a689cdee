package dev.kubicle.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * kubicle's static node addresses: each inside {@code networking.subnet}, none taken twice, and none of the three
 * addresses the engine keeps for itself: the network address, the gateway (the first host address, as Docker
 * assigns it) and the broadcast address.
 */
final class NodeIpRules {

    private NodeIpRules() {
    }

    static void check(Cluster cluster, Problems problems) {
        String subnetText = cluster.networking().subnet();
        // A broken subnet is reported by NetworkingRules; checking addresses against it would only add noise.
        Optional<Cidr> subnet = subnetText == null
                ? Optional.empty()
                : NetworkingRules.nodeSubnet(subnetText, new Problems());
        Map<IpAddress, String> takenBy = new HashMap<>();
        List<Node> nodes = cluster.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            String ipText = nodes.get(i).ip();
            if (ipText == null) {
                continue;
            }
            String path = YamlPath.field(YamlPath.index("nodes", i), "ip");
            Optional<IpAddress> ip = IpAddress.parse(ipText).filter(IpAddress::isIpv4);
            if (ip.isEmpty()) {
                problems.add(path, "\"" + ipText + "\" is not an IPv4 address", "use an address such as 172.30.0.10");
            } else if (subnetText == null) {
                problems.add(path, "is set but networking.subnet is not",
                        "set networking.subnet to a range that holds it, such as " + new Cidr(ip.get(), 24).network()
                                + "/24");
            } else if (subnet.isPresent()) {
                checkInside(ip.get(), subnet.get(), path, problems);
                String owner = takenBy.putIfAbsent(ip.get(), YamlPath.index("nodes", i));
                if (owner != null) {
                    problems.add(path, ipText + " is already the address of " + owner,
                            "give every node an address of its own");
                }
            }
        }
    }

    private static void checkInside(IpAddress ip, Cidr subnet, String path, Problems problems) {
        String usable = "use an address from " + subnet.network().plus(2) + " to " + subnet.last().plus(-1);
        if (!subnet.contains(ip)) {
            problems.add(path, ip + " is outside networking.subnet " + subnet, usable);
        } else if (ip.equals(subnet.network())) {
            problems.add(path, ip + " is the network address of " + subnet, usable);
        } else if (ip.equals(subnet.network().plus(1))) {
            problems.add(path, ip + " is the gateway address of " + subnet + ", which the engine takes", usable);
        } else if (ip.equals(subnet.last())) {
            problems.add(path, ip + " is the broadcast address of " + subnet, usable);
        }
    }
}
