package dev.kubicle.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressTest {

    @ParameterizedTest(name = "reads {0} as {1}")
    @CsvSource({"127.0.0.1, 127.0.0.1", "::1, ::1", "fd00:10:244::, fd00:10:244::", "fd00:0:0:1:0:0:0:2, fd00:0:0:1::2",
        "1:0:0:2:0:0:0:3, 1:0:0:2::3", "1:2:3:4:5:6:7:8, 1:2:3:4:5:6:7:8",
        "::ffff:10.0.0.1, 10.0.0.1", "0.0.0.0, 0.0.0.0"})
    void readsAddressesAsGoDoes(String text, String address) {
        assertThat(IpAddress.parse(text)).hasValueSatisfying(ip -> assertThat(ip).hasToString(address));
    }

    /**
     * Text that starts with a dot and has a colon passed the IPv6 check once, and InetAddress looked it up as a host
     * name: a name-service query per bad address, seconds long where the resolver is slow.
     */
    @ParameterizedTest(name = "refuses {0} without looking it up")
    @ValueSource(strings = {".:", ".:1", "..::", "1.2.3.4:80", "127.1", "01.2.3.4", "256.0.0.1", "::g", "[::1]",
        "localhost", "1.2.3.4/24", ""})
    void refusesWhatIsNotAnAddress(String text) {
        assertThat(IpAddress.parse(text)).isEmpty();
    }
}
