package dev.kubicle.config;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 address parsed as strictly as Go's {@code net.ParseIP}: IPv4 only in four decimal parts without
 * leading zeros (Java's own parser would take {@code 127.1}), and never a host name, so parsing never does a lookup.
 *
 * @param bits 32 for IPv4, 128 for IPv6
 */
record IpAddress(BigInteger value, int bits) {
    private static final Pattern IPV4 = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
    /**
     * The shape of an IPv6 literal, dots only in a trailing IPv4 part. InetAddress reads text that starts with a hex
     * digit or a colon as a literal; anything else, such as {@code .:}, it would look up as a host name.
     */
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:]*:[0-9A-Fa-f.]*");

    static Optional<IpAddress> parse(String text) {
        if (IPV4.matcher(text).matches()) {
            long value = 0;
            for (String part : text.split("\\.")) {
                int octet = Integer.parseInt(part);
                if (octet > 255) {
                    return Optional.empty();
                }
                value = value << 8 | octet;
            }
            return Optional.of(new IpAddress(BigInteger.valueOf(value), 32));
        }
        if (!IPV6_CHARACTERS.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            // Shaped so, the text is read as an IPv6 literal and never resolved.
            byte[] bytes = InetAddress.getByName(text).getAddress();
            return Optional.of(new IpAddress(new BigInteger(1, bytes), bytes.length * 8));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    boolean isIpv4() {
        return bits == 32;
    }

    boolean isUnspecified() {
        return value.signum() == 0;
    }

    IpAddress plus(long offset) {
        return new IpAddress(value.add(BigInteger.valueOf(offset)), bits);
    }

    @Override
    public String toString() {
        return IpFamilies.format(value, bits);
    }
}
