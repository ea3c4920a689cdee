package dev.kubicle.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code networking}: IP family, API server endpoint, pod and service ranges, proxy mode and kubicle's subnet. */
final class NetworkingRules {
    private static final Set<String> IP_FAMILIES = Set.of("ipv4", "ipv6", "dual");
    private static final Set<String> PROXY_MODES = Set.of("iptables", "ipvs", "nftables", "none");

    private NetworkingRules() {
    }

    static void check(Cluster cluster, Problems problems) {
        Networking networking = cluster.networking();
        String family = networking.ipFamily();
        boolean knownFamily = IP_FAMILIES.contains(family);
        if (!knownFamily) {
            problems.add("networking.ipFamily", "\"" + family + "\" is not an IP family", "use ipv4, ipv6 or dual");
        }
        if (!PROXY_MODES.contains(networking.kubeProxyMode())) {
            problems.add("networking.kubeProxyMode", "\"" + networking.kubeProxyMode() + "\" is not a proxy mode",
                    "use iptables, ipvs, nftables or none");
        }
        PortRules.checkRange(networking.apiServerPort(), 0, "networking.apiServerPort", problems);
        if (IpAddress.parse(networking.apiServerAddress()).isEmpty()) {
            problems.add("networking.apiServerAddress",
                    "\"" + networking.apiServerAddress() + "\" is not an IP address",
                    "use an address of this machine, such as 127.0.0.1");
        }
        List<Cidr> pods = subnets(networking.podSubnet(), family, knownFamily, "networking.podSubnet", problems);
        List<Cidr> services =
                subnets(networking.serviceSubnet(), family, knownFamily, "networking.serviceSubnet", problems);
        rejectOverlap("networking.serviceSubnet", services, "podSubnet", pods, problems);
        if (TypeMetaRules.isKubicle(cluster) && networking.subnet() != null && knownFamily) {
            NodeSubnets.parse(networking.subnet(), family, problems).ifPresent(subnets -> {
                rejectOverlap(NodeSubnets.PATH, subnets, "podSubnet", pods, problems);
                rejectOverlap(NodeSubnets.PATH, subnets, "serviceSubnet", services, problems);
            });
        }
    }

    /**
     * kind's rule: one CIDR of the cluster's family, or for dual stack either one CIDR or one of each family,
     * comma-separated. Returns the ranges that parsed, so overlaps can be checked even when the family is off.
     */
    private static List<Cidr> subnets(String text, String family, boolean knownFamily, String path,
            Problems problems) {
        List<Cidr> cidrs = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            Optional<Cidr> cidr = Cidr.parse(part.strip());
            if (cidr.isEmpty()) {
                problems.add(path, "\"" + part.strip() + "\" is not a CIDR", "use a range such as "
                        + (family.equals("ipv6") ? "fd00:10:244::/56" : "10.244.0.0/16"));
                return List.of();
            }
            cidrs.add(cidr.get());
        }
        if (!knownFamily) {
            return cidrs;
        }
        long ipv4 = cidrs.stream().filter(Cidr::isIpv4).count();
        if (family.equals("dual")) {
            if (cidrs.size() > 2 || cidrs.size() == 2 && ipv4 != 1) {
                problems.add(path, text + " is not a dual-stack range",
                        "give one IPv4 and one IPv6 CIDR, separated by a comma");
            }
        } else if (cidrs.size() > 1) {
            problems.add(path, text + " has more than one range", "give one CIDR for ipFamily " + family);
        } else if (family.equals("ipv4") != (ipv4 == 1)) {
            problems.add(path, text + " is not an " + (family.equals("ipv4") ? "IPv4" : "IPv6") + " range",
                    "use an " + (family.equals("ipv4") ? "IPv4" : "IPv6") + " CIDR for ipFamily " + family
                            + ", or change ipFamily");
        }
        return cidrs;
    }

    private static void rejectOverlap(String path, List<Cidr> ranges, String otherName, List<Cidr> others,
            Problems problems) {
        for (Cidr range : ranges) {
            for (Cidr other : others) {
                if (range.overlaps(other)) {
                    problems.add(path, range + " overlaps " + otherName + " " + other,
                            "pick ranges that do not overlap");
                }
            }
        }
    }
}
