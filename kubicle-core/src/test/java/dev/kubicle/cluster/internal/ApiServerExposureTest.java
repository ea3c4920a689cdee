package dev.kubicle.cluster.internal;

import dev.kubicle.config.Networking;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ApiServerExposureTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.0.0.2", "::1"})
    void aLoopbackAddressIsNotWarnedAbout(String address) {
        assertThat(ApiServerExposure.warning(networking(address, 0))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "::"})
    void everyAddressMeansAnyoneWhoReachesThisMachine(String address) {
        assertThat(ApiServerExposure.warning(networking(address, 0))).get().asString()
                .startsWith("networking.apiServerAddress is " + address + ": the API server is published on every "
                        + "address of this machine, so anyone who can reach this machine on its port can reach it.")
                .contains("whoever holds the cluster's admin kubeconfig");
    }

    @Test
    void oneAddressMeansAnyoneWhoReachesThatAddressOnThePort() {
        assertThat(ApiServerExposure.warning(networking("192.168.1.20", 6443))).get().asString()
                .contains("published on 192.168.1.20, so anyone who can reach that address on port 6443 can reach"
                        + " it.");
    }

    private static Networking networking(String apiServerAddress, int apiServerPort) {
        return new Networking("ipv4", apiServerAddress, apiServerPort, "10.244.0.0/16", "10.96.0.0/16", false,
                "iptables", List.of(), null);
    }
}
