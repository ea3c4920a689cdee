package dev.kubicle.config;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * The IP families of a cluster ({@code networking.ipFamily}) and the comma-separated fields that hold an address or
 * range per family: kind's {@code podSubnet} and {@code serviceSubnet}, kubicle's {@code subnet} and
 * {@code nodes[].ip}.
 */
public final class IpFamilies {
    private IpFamilies() {
    }

    /** Whether the cluster's network, nodes and pods carry IPv6: ipFamily ipv6 or dual. */
    public static boolean usesIpv6(String ipFamily) {
        return "ipv6".equals(ipFamily) || "dual".equals(ipFamily);
    }

    /** The IPv4 entry of a comma-separated list of addresses or ranges; empty for none, or no list. */
    public static Optional<String> ipv4(String list) {
        return entry(list, false);
    }

    /** The IPv6 entry of a comma-separated list of addresses or ranges; empty for none, or no list. */
    public static Optional<String> ipv6(String list) {
        return entry(list, true);
    }

    /**
     * A node's addresses as its kubelet and kubeadm want them: the one of the cluster's family, or for dual stack
     * both, IPv4 first (kind's order, and that of the defaulted pod and service subnets).
     */
    public static String nodeIps(String ipFamily, String ipv4, String ipv6) {
        return switch (ipFamily) {
            case "ipv6" -> ipv6;
            case "dual" -> ipv4 + "," + ipv6;
            default -> ipv4;
        };
    }

    /**
     * An address of 32 or 128 bits as Go's net.IP prints it, so that addresses read the same in kubicle's messages
     * as in Kubernetes' objects: IPv6 in lower case with its longest run of two or more zero groups as {@code ::}.
     */
    public static String format(BigInteger value, int bits) {
        byte[] raw = value.toByteArray();
        byte[] bytes = new byte[bits / 8];
        int copied = Math.min(raw.length, bytes.length);
        System.arraycopy(raw, raw.length - copied, bytes, bytes.length - copied, copied);
        String full;
        try {
            full = InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of " + bits + " bits has a legal length", e);
        }
        return bits == 32 ? full : compressed(full.split(":"));
    }

    private static String compressed(String[] groups) {
        int bestStart = -1;
        int bestLength = 1;
        for (int start = 0; start < groups.length; start++) {
            int length = 0;
            while (start + length < groups.length && groups[start + length].equals("0")) {
                length++;
            }
            if (length > bestLength) {
                bestStart = start;
                bestLength = length;
            }
        }
        if (bestStart < 0) {
            return String.join(":", groups);
        }
        return String.join(":", Arrays.copyOfRange(groups, 0, bestStart)) + "::"
                + String.join(":", Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
    }

    private static Optional<String> entry(String list, boolean ipv6) {
        return list == null ? Optional.empty() : Arrays.stream(list.split(",")).map(String::strip)
                .filter(entry -> !entry.isEmpty() && entry.contains(":") == ipv6).findFirst();
    }
}
