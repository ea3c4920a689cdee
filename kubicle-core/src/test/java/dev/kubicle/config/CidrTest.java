package dev.kubicle.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {

    @ParameterizedTest(name = "rejects {0}")
    @ValueSource(strings = {"10.0.0.0", "10.0.0.0/", "10.0.0.0/33", "10.0.0/8", "010.0.0.0/8", "10.0.0.0/-1",
        "host.example/24", "fd00::/129", "fd00::zz/64", "1.2.3.4/8/8"})
    void rejectsTextThatIsNotACidr(String text) {
        assertThat(Cidr.parse(text)).isEmpty();
    }

    @ParameterizedTest(name = "{0} and {1} overlap: {2}")
    @CsvSource({
        "10.0.0.0/8, 10.96.0.0/16, true",
        "10.96.0.0/16, 10.0.0.0/8, true",
        "10.244.0.0/16, 10.96.0.0/16, false",
        "172.30.0.0/24, 172.30.0.128/25, true",
        "172.30.0.0/25, 172.30.0.128/25, false",
        "fd00:10:244::/56, fd00:10:244:ff::/64, true",
        "fd00:10:244::/56, fd00:10:96::/112, false",
        "0.0.0.0/0, 10.0.0.0/8, true",
        "10.0.0.0/8, fd00::/8, false"})
    void knowsWhenRangesOverlap(String a, String b, boolean overlap) {
        assertThat(Cidr.parse(a).orElseThrow().overlaps(Cidr.parse(b).orElseThrow())).isEqualTo(overlap);
    }

    @ParameterizedTest(name = "{0} runs from {1} to {2}")
    @CsvSource({"172.30.0.0/24, 172.30.0.0, 172.30.0.255", "172.30.0.77/29, 172.30.0.72, 172.30.0.79",
        "10.0.0.0/8, 10.0.0.0, 10.255.255.255"})
    void knowsTheFirstAndLastAddress(String cidr, String first, String last) {
        Cidr range = Cidr.parse(cidr).orElseThrow();

        assertThat(range.network()).hasToString(first);
        assertThat(range.last()).hasToString(last);
    }
}
