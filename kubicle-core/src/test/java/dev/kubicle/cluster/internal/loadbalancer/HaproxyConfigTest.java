package dev.kubicle.cluster.internal.loadbalancer;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HaproxyConfigTest {

    @Test
    void sendsTcpOnTheApiServerPortToEveryControlPlaneByNameThroughTheEnginesDns() {
        String config = HaproxyConfig.render(List.of("ha-control-plane", "ha-control-plane2"), 6443, false);

        assertThat(config).contains("mode tcp", "bind *:6443\n", "option httpchk GET /healthz", "parse-resolv-conf")
                .doesNotContain("127.0.0.11");
        assertThat(config.lines().filter(line -> line.strip().startsWith("server ")))
                .containsExactly(
                        "  server ha-control-plane ha-control-plane:6443 check check-ssl verify none resolvers engine",
                        "  server ha-control-plane2 ha-control-plane2:6443 check check-ssl verify none resolvers engine");
    }

    @Test
    void withoutControlPlanesItStillListens() {
        String config = HaproxyConfig.render(List.of(), 6443, false);

        assertThat(config).contains("frontend control-plane", "backend kube-apiservers", "init-addr last,libc,none")
                .doesNotContain("  server ");
    }

    @Test
    void onAnIpv6NetworkItListensOnBothFamilies() {
        assertThat(HaproxyConfig.render(List.of(), 6443, true)).contains("  bind :::6443 v4v6\n")
                .doesNotContain("bind *:");
    }
}
