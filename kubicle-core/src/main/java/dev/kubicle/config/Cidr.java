package dev.kubicle.config;

import java.math.BigInteger;
import java.util.Optional;

/** An address range such as {@code 10.244.0.0/16}; {@code address} is as written, host bits and all. */
record Cidr(IpAddress address, int prefix) {

    static Optional<Cidr> parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0 || !text.substring(slash + 1).matches("[0-9]{1,3}")) {
            return Optional.empty();
        }
        int prefix = Integer.parseInt(text.substring(slash + 1));
        return IpAddress.parse(text.substring(0, slash))
                .filter(address -> prefix <= address.bits())
                .map(address -> new Cidr(address, prefix));
    }

    boolean isIpv4() {
        return address.isIpv4();
    }

    /** The first address of the range. */
    IpAddress network() {
        return new IpAddress(address.value().and(mask()), address.bits());
    }

    /** The last address of the range (IPv4's broadcast address). */
    IpAddress last() {
        return new IpAddress(network().value().or(mask().not().and(allOnes())), address.bits());
    }

    /** The upper half of the range, one bit longer (10.0.0.0/24 gives 10.0.0.128/25). */
    Cidr upperHalf() {
        BigInteger half = BigInteger.ONE.shiftLeft(address.bits() - prefix - 1);
        return new Cidr(new IpAddress(network().value().add(half), address.bits()), prefix + 1);
    }

    boolean hasHostBits() {
        return !address.value().equals(network().value());
    }

    boolean contains(IpAddress candidate) {
        return candidate.bits() == address.bits() && candidate.value().and(mask()).equals(network().value());
    }

    /** Two ranges of one family overlap exactly when the wider one contains the other's start. */
    boolean overlaps(Cidr other) {
        if (other.address.bits() != address.bits()) {
            return false;
        }
        return prefix <= other.prefix ? contains(other.network()) : other.contains(network());
    }

    private BigInteger mask() {
        return allOnes().shiftRight(prefix).not().and(allOnes());
    }

    private BigInteger allOnes() {
        return BigInteger.ONE.shiftLeft(address.bits()).subtract(BigInteger.ONE);
    }

    @Override
    public String toString() {
        return address + "/" + prefix;
    }
}
