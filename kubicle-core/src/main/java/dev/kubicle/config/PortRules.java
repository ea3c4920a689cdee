package dev.kubicle.config;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code extraPortMappings} and the API server port: ranges, protocols, listen addresses, and no host port taken twice
 * on one address, across all nodes, since they all publish on the same host.
 */
final class PortRules {
    private static final Set<String> PROTOCOLS = Set.of("TCP", "UDP", "SCTP");
    private static final String WILDCARD = "0.0.0.0";

    private PortRules() {
    }

    /** Reports a port outside {@code min}..65535; hostPort and apiServerPort allow 0, which picks a free port. */
    static void checkRange(Integer port, int min, String path, Problems problems) {
        if (port == null) {
            problems.add(path, "is missing", "set the port the node listens on, such as 80");
        } else if (port < min || port > 65535) {
            problems.add(path, port + " is out of range", "use a port from " + min + " to 65535"
                    + (min == 0 ? " (0 picks a free one)" : ""));
        }
    }

    static void check(Cluster cluster, Problems problems) {
        Map<String, Map<String, String>> takenBy = new HashMap<>();
        Networking networking = cluster.networking();
        if (networking.apiServerPort() != null && networking.apiServerPort() > 0) {
            claim(takenBy, networking.apiServerPort() + "/TCP", canonical(networking.apiServerAddress()),
                    "networking.apiServerPort", "networking.apiServerPort", problems);
        }
        List<Node> nodes = cluster.nodes();
        for (int n = 0; n < nodes.size(); n++) {
            List<PortMapping> mappings = nodes.get(n).extraPortMappings();
            for (int m = 0; m < mappings.size(); m++) {
                String path = YamlPath.index(YamlPath.field(YamlPath.index("nodes", n), "extraPortMappings"), m);
                check(mappings.get(m), path, takenBy, problems);
            }
        }
    }

    private static void check(PortMapping mapping, String path, Map<String, Map<String, String>> takenBy,
            Problems problems) {
        checkRange(mapping.containerPort(), 1, YamlPath.field(path, "containerPort"), problems);
        checkRange(mapping.hostPort(), 0, YamlPath.field(path, "hostPort"), problems);
        String protocol = mapping.protocol().toUpperCase(Locale.ROOT);
        if (!PROTOCOLS.contains(protocol)) {
            problems.add(YamlPath.field(path, "protocol"), "\"" + mapping.protocol() + "\" is not a protocol",
                    "use TCP, UDP or SCTP");
        }
        String address = canonical(mapping.listenAddress());
        if (address == null) {
            problems.add(YamlPath.field(path, "listenAddress"),
                    "\"" + mapping.listenAddress() + "\" is not an IP address", "use an IP address such as 127.0.0.1");
        }
        // Port 0 picks a free port at create time, so any number of mappings may ask for it.
        if (address != null && mapping.hostPort() != null && mapping.hostPort() > 0) {
            claim(takenBy, mapping.hostPort() + "/" + protocol, address, path, YamlPath.field(path, "hostPort"),
                    problems);
        }
    }

    /**
     * Takes {@code port/protocol} on {@code address} for {@code owner}, or reports at {@code path} who already has
     * it. The wildcard address conflicts with every address, like the engine's own bind check.
     */
    private static void claim(Map<String, Map<String, String>> takenBy, String portProtocol, String address,
            String owner, String path, Problems problems) {
        if (address == null) {
            return;
        }
        Map<String, String> owners = takenBy.computeIfAbsent(portProtocol, key -> new HashMap<>());
        Optional<Map.Entry<String, String>> conflict = owners.entrySet().stream()
                .filter(entry -> address.equals(WILDCARD) || entry.getKey().equals(WILDCARD)
                        || entry.getKey().equals(address))
                .findFirst();
        if (conflict.isPresent()) {
            problems.add(path, portProtocol + " on " + address + " is already taken by " + conflict.get().getValue(),
                    "use another hostPort, or 0 for a free one");
        } else {
            owners.put(address, owner);
        }
    }

    /** One spelling per address, with IPv6's "::" read as the IPv4 wildcard, as the engine binds both. */
    private static String canonical(String address) {
        return IpAddress.parse(address)
                .map(ip -> ip.isUnspecified() ? WILDCARD : ip.toString())
                .orElse(null);
    }
}
