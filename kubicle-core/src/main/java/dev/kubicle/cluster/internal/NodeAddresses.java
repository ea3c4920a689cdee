package dev.kubicle.cluster.internal;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.config.IpFamilies;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Chooses the address of every node that the config leaves to the engine, so that every node is pinned: an engine
 * hands out addresses in the order containers start, and nodes started again in another order (a restart, an
 * engine restart, a reboot) would swap addresses that their certificates, Node objects and pod routes still name.
 * Addresses are the lowest free ones of one of the network's subnets, IPv4 or IPv6, after its gateway; a network of
 * both families has one of these per family.
 */
public final class NodeAddresses {
    /** Four parts of 0 to 255: anything else would reach InetAddress as a host name, and be looked up. */
    private static final String PART = "(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])";
    private static final Pattern DOTTED_QUAD = Pattern.compile(PART + "(\\." + PART + "){3}");
    /** The shape of an IPv6 literal, which InetAddress reads without a lookup. */
    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*");

    private final boolean ipv6;
    private final BigInteger network;
    private final BigInteger size;
    private final BigInteger gateway;
    private final Set<BigInteger> taken = new HashSet<>();
    private final String subnet;

    /**
     * @param subnet  one of the cluster network's subnets, e.g. 172.18.0.0/16 or fd00:6b75:6269::/64
     * @param gateway the engine's address on it, never given to a node; empty for the subnet's first
     * @param inUse   addresses of the subnet's family that nodes already have or were given by the config
     */
    public NodeAddresses(String subnet, String gateway, List<String> inUse) {
        this.subnet = subnet;
        String[] parts = subnet.split("/");
        this.ipv6 = parts[0].contains(":");
        int bits = ipv6 ? 128 : 32;
        this.size = BigInteger.ONE.shiftLeft(bits - Integer.parseInt(parts[1]));
        this.network = toNumber(parts[0]).subtract(toNumber(parts[0]).mod(size));
        this.gateway = gateway == null || gateway.isEmpty() ? network.add(BigInteger.ONE) : toNumber(gateway);
        // The network's own address and its first (the engine's usual gateway) are never a node's.
        taken.add(this.gateway);
        taken.add(network);
        taken.add(network.add(BigInteger.ONE));
        inUse.forEach(address -> taken.add(toNumber(address)));
    }

    /** The given address if there is one, else the lowest free one; either way taken from now on. */
    public String assign(Optional<String> fixed) {
        if (fixed.isPresent()) {
            taken.add(toNumber(fixed.get()));
            return fixed.get();
        }
        BigInteger free = lowestFree();
        taken.add(free);
        return fromNumber(free);
    }

    /**
     * Takes an address a user asked for, for a node added to a running cluster: it must be a free address of the
     * subnet, and none of those the engine keeps (the network's own, its gateway, IPv4's broadcast address).
     */
    public String claim(String address) {
        if (!(ipv6 ? IPV6_LITERAL : DOTTED_QUAD).matcher(address).matches()) {
            throw refused(address + " is not an " + family() + " address");
        }
        BigInteger value = toNumber(address);
        if (value.compareTo(network) < 0 || value.compareTo(network.add(size)) >= 0) {
            throw refused(address + " is outside the cluster network's subnet " + subnet);
        }
        if (value.equals(network) || !ipv6 && value.equals(broadcast()) || value.equals(gateway)) {
            throw refused(address + " is the network, gateway or broadcast address of " + subnet
                    + ", which the engine keeps");
        }
        if (!taken.add(value)) {
            throw refused(address + " is already the address of a node of the cluster");
        }
        return address;
    }

    private KubicleException refused(String problem) {
        return new KubicleException(ExitCode.INVALID_INPUT, "--ip " + problem + "; use a free address of "
                + subnet + ", such as " + fromNumber(lowestFree()) + ", or leave --ip out for that one");
    }

    private BigInteger lowestFree() {
        // IPv4's last address is the subnet's broadcast address.
        BigInteger end = ipv6 ? network.add(size) : broadcast();
        for (BigInteger candidate = network.add(BigInteger.TWO); candidate.compareTo(end) < 0;
                candidate = candidate.add(BigInteger.ONE)) {
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
        throw new KubicleException(ExitCode.UNEXPECTED_STATE, "the cluster network's subnet " + subnet
                + " has no free address left for another node");
    }

    /** Assigns, in order, an address to each entry: its own where it has one, else the lowest free one. */
    public List<String> assignAll(List<Optional<String>> fixed) {
        fixed.stream().flatMap(Optional::stream).forEach(address -> taken.add(toNumber(address)));
        List<String> addresses = new ArrayList<>();
        fixed.forEach(address -> addresses.add(assign(address)));
        return addresses;
    }

    private BigInteger broadcast() {
        return network.add(size).subtract(BigInteger.ONE);
    }

    private String family() {
        return ipv6 ? "IPv6" : "IPv4";
    }

    private BigInteger toNumber(String address) {
        try {
            InetAddress parsed = InetAddress.getByName(address.strip());
            if (ipv6 ? !(parsed instanceof Inet6Address) : !(parsed instanceof Inet4Address)) {
                throw new IllegalArgumentException(address + " is not an " + family() + " address");
            }
            return new BigInteger(1, parsed.getAddress());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address + " is not an " + family() + " address", e);
        }
    }

    private String fromNumber(BigInteger value) {
        return IpFamilies.format(value, ipv6 ? 128 : 32);
    }
}
