package dev.kubicle.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code engines} and {@code nodes[].engine}: a cluster spread over several engines names each engine once, reaches
 * it as {@code DOCKER_HOST} would, places every node on one of them, and fixes {@code networking.subnet}, since the
 * engines' shared overlay network cannot pick a subnet clear of every engine's host alone. IPv4 only: the overlay
 * network is made and tested for IPv4.
 */
final class EngineRules {
    private static final Pattern NAME = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    /** Narrower overlay subnets are not split (OverlayAddressRange). */
    private static final int OVERLAY_NARROWEST_SPLIT = 29;
    private static final Pattern HOST = Pattern.compile("(unix:///\\S+|tcp://[^/\\s]+)");

    private EngineRules() {
    }

    static void check(Cluster cluster, Problems problems) {
        List<Engine> engines = cluster.engines() == null ? List.of() : cluster.engines();
        List<String> names = names(engines, problems);
        List<Node> nodes = cluster.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            String engine = nodes.get(i).engine();
            String path = YamlPath.field(YamlPath.index("nodes", i), "engine");
            if (engine == null) {
                if (!engines.isEmpty()) {
                    problems.add(path, "is missing, and the cluster spreads its nodes over engines",
                            "name the engine the node runs on: one of " + String.join(", ", names));
                }
            } else if (engines.isEmpty()) {
                problems.add(path, "names engine \"" + engine + "\" but the config has no engines",
                        "list the engines at the top level (engines: [{name: " + engine + ", host: unix:///...}])"
                                + " or remove nodes[].engine");
            } else if (!names.contains(engine)) {
                problems.add(path, "\"" + engine + "\" is not one of the config's engines", "use "
                        + DidYouMean.closest(engine, names).orElse("one of " + String.join(", ", names)));
            }
        }
        if (engines.isEmpty()) {
            return;
        }
        if (cluster.networking().subnet() == null) {
            problems.add("networking.subnet", "is not set, and the nodes are spread over engines",
                    "set it to a range free on every engine's machine, such as 172.26.0.0/24");
        }
        checkNodeAddresses(cluster, problems);
        if (!"ipv4".equals(cluster.networking().ipFamily())) {
            problems.add("networking.ipFamily", "is " + cluster.networking().ipFamily()
                    + ", and clusters spread over engines are IPv4 only", "use ipv4, or remove engines");
        }
    }

    /**
     * The swarm gives each engine an endpoint of its own on the overlay network, at an address it picks from the
     * upper half of the subnet (kubicle's overlay keeps it there, see OverlayAddressRange), so a node's fixed address
     * must be in the lower half.
     */
    private static void checkNodeAddresses(Cluster cluster, Problems problems) {
        Optional<Cidr> subnet = Optional.ofNullable(cluster.networking().subnet()).flatMap(Cidr::parse)
                .filter(Cidr::isIpv4).filter(cidr -> cidr.prefix() <= OVERLAY_NARROWEST_SPLIT);
        if (subnet.isEmpty()) {
            return;
        }
        Cidr engines = subnet.get().upperHalf();
        for (int i = 0; i < cluster.nodes().size(); i++) {
            String ip = cluster.nodes().get(i).ip();
            if (ip != null && IpAddress.parse(ip).filter(engines::contains).isPresent()) {
                problems.add(YamlPath.field(YamlPath.index("nodes", i), "ip"), "is " + ip + ", in " + engines
                        + ", the half of networking.subnet where the swarm places its engines' own endpoints",
                        "use an address below " + engines.network());
            }
        }
    }

    /** The engines' names in order, with a problem for each bad entry. */
    private static List<String> names(List<Engine> engines, Problems problems) {
        List<String> names = new ArrayList<>();
        Set<String> hosts = new HashSet<>();
        for (int i = 0; i < engines.size(); i++) {
            Engine engine = engines.get(i);
            String path = YamlPath.index("engines", i);
            if (engine.name() == null) {
                problems.add(YamlPath.field(path, "name"), "is missing", "give the engine a name, such as e" + (i + 1));
            } else if (!NAME.matcher(engine.name()).matches()) {
                problems.add(YamlPath.field(path, "name"), "\"" + engine.name() + "\" is not a valid engine name",
                        "use lower-case letters, digits and '-', such as e" + (i + 1));
            } else if (names.contains(engine.name())) {
                problems.add(YamlPath.field(path, "name"), "\"" + engine.name() + "\" is already the name of "
                        + YamlPath.index("engines", names.indexOf(engine.name())), "give every engine a name of its own");
            }
            names.add(engine.name());
            if (engine.host() == null) {
                problems.add(YamlPath.field(path, "host"), "is missing",
                        "give the engine's address as DOCKER_HOST takes it: unix:///path or tcp://host:port");
            } else if (!HOST.matcher(engine.host()).matches()) {
                problems.add(YamlPath.field(path, "host"), "\"" + engine.host() + "\" is not an engine address",
                        "write it as DOCKER_HOST takes it: unix:///path or tcp://host:port");
            } else if (!hosts.add(engine.host())) {
                problems.add(YamlPath.field(path, "host"), engine.host() + " is listed twice",
                        "list every engine once");
            }
        }
        return names;
    }
}
