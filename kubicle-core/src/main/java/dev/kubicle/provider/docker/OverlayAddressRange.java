package dev.kubicle.provider.docker;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;

import java.util.Optional;

/**
 * Where a swarm may pick addresses on a cluster's overlay network by itself. Each engine whose container joins an
 * overlay network gets an endpoint of its own there (its load balancer for swarm services), with an address the
 * swarm picks: left to the whole subnet it takes the lowest free one, such as the .2 that kubicle gives the first
 * control plane, whose start then fails ("Address already in use"). So the swarm picks from the subnet's upper half
 * and nodes keep the lower half (the config rules refuse a node address there for a spread cluster).
 */
final class OverlayAddressRange {
    /** A /29 leaves 3 addresses for the engines' endpoints; smaller subnets are left whole. */
    private static final int NARROWEST = 29;

    private OverlayAddressRange() {
    }

    /** The upper half of an IPv4 subnet such as 172.26.0.0/24 (172.26.0.128/25); empty if it is too narrow. */
    static Optional<String> upperHalf(String subnet) {
        String[] parts = subnet.split("/");
        String[] octets = parts.length == 2 ? parts[0].split("\\.") : new String[0];
        if (octets.length != 4) {
            throw new KubicleException(ExitCode.INVALID_INPUT, "overlay subnet " + subnet + " is not IPv4 a.b.c.d/n");
        }
        int prefix = Integer.parseInt(parts[1]);
        if (prefix > NARROWEST) {
            return Optional.empty();
        }
        long address = 0;
        for (String octet : octets) {
            address = address << 8 | Integer.parseInt(octet);
        }
        long size = 1L << (32 - prefix);
        long upper = (address & ~(size - 1) & 0xFFFFFFFFL) + size / 2;
        return Optional.of((upper >> 24 & 255) + "." + (upper >> 16 & 255) + "." + (upper >> 8 & 255) + "."
                + (upper & 255) + "/" + (prefix + 1));
    }
}
