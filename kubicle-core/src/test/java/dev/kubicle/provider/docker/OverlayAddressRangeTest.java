package dev.kubicle.provider.docker;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OverlayAddressRangeTest {

    @Test
    void theSwarmPicksFromTheUpperHalfOfTheSubnet() {
        assertThat(OverlayAddressRange.upperHalf("172.26.0.0/24")).hasValue("172.26.0.128/25");
        assertThat(OverlayAddressRange.upperHalf("10.0.0.0/16")).hasValue("10.0.128.0/17");
        assertThat(OverlayAddressRange.upperHalf("192.168.7.64/29")).hasValue("192.168.7.68/30");
    }

    @Test
    void hostBitsInTheSubnetAsWrittenAreIgnored() {
        assertThat(OverlayAddressRange.upperHalf("172.26.0.9/24")).hasValue("172.26.0.128/25");
    }

    @Test
    void aSubnetTooNarrowToSplitIsLeftWhole() {
        assertThat(OverlayAddressRange.upperHalf("172.26.0.0/30")).isEmpty();
    }
}
