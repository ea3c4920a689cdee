package dev.kubicle.cluster.internal;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses the address of every node that the config leaves to the engine, so that every node is pinned: an engine
 * hands out addresses in the order containers start, and nodes started again in another order (a restart, an
 * engine restart, a reboot) would swap addresses that their certificates, Node objects and pod routes still name.
 * Addresses are the lowest free ones of the network's IPv4 subnet, after its gateway.
 */
public final class NodeAddresses {
    private final int network;
    private final int size;
    private final Set<Integer> taken = new HashSet<>();
    private final String subnet;

    /**
     * @param subnet  the cluster network's IPv4 subnet, e.g. 172.18.0.0/16
     * @param gateway the engine's address on it, never given to a node
     * @param inUse   addresses that nodes already have or were given by the config
     */
    public NodeAddresses(String subnet, String gateway, List<String> inUse) {
        this.subnet = subnet;
        String[] parts = subnet.split("/");
        int prefix = Integer.parseInt(parts[1]);
        this.size = prefix == 0 ? Integer.MAX_VALUE : 1 << (32 - prefix);
        this.network = toInt(parts[0]) & (prefix == 0 ? 0 : -1 << (32 - prefix));
        if (gateway != null && !gateway.isEmpty()) {
            taken.add(toInt(gateway));
        }
        // The network's own address and its first (the engine's usual gateway) are never a node's.
        taken.add(network);
        taken.add(network + 1);
        inUse.forEach(address -> taken.add(toInt(address)));
    }

    /** The given address if there is one, else the lowest free one; either way taken from now on. */
    public String assign(Optional<String> fixed) {
        if (fixed.isPresent()) {
            taken.add(toInt(fixed.get()));
            return fixed.get();
        }
        // The last address is the subnet's broadcast address.
        for (int offset = 2; offset < size - 1; offset++) {
            int candidate = network + offset;
            if (taken.add(candidate)) {
                return fromInt(candidate);
            }
        }
        throw new KubicleException(ExitCode.UNEXPECTED_STATE, "the cluster network's subnet " + subnet
                + " has no free address left for another node");
    }

    /** Assigns, in order, an address to each entry: its own where it has one, else the lowest free one. */
    public List<String> assignAll(List<Optional<String>> fixed) {
        fixed.stream().flatMap(Optional::stream).forEach(address -> taken.add(toInt(address)));
        List<String> addresses = new ArrayList<>();
        fixed.forEach(address -> addresses.add(assign(address)));
        return addresses;
    }

    private static int toInt(String address) {
        try {
            InetAddress parsed = InetAddress.getByName(address.strip());
            if (!(parsed instanceof Inet4Address)) {
                throw new IllegalArgumentException(address + " is not an IPv4 address");
            }
            byte[] bytes = parsed.getAddress();
            return (bytes[0] & 0xff) << 24 | (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8 | bytes[3] & 0xff;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address + " is not an IPv4 address", e);
        }
    }

    private static String fromInt(int value) {
        return (value >>> 24) + "." + (value >>> 16 & 0xff) + "." + (value >>> 8 & 0xff) + "." + (value & 0xff);
    }
}
