package dev.kubicle.cluster.internal.services;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Rules as kube-proxy 1.37 wrote them in a kubicle node, in both of its modes. */
class ProxyRulesTest {
    private static final ServiceEndpoint WEB = new ServiceEndpoint("10.244.1.2", 8080, "TCP");

    private static final ProxyRules IPTABLES = new ProxyRules("""
            *nat
            -A KUBE-SEP-BTVZB7E4KKPGX6I5 -p udp -m comment --comment "default/web:dns" -m udp -j DNAT --to-destination 10.244.1.2:53
            -A KUBE-SEP-UIQK3OSOSTRHRPBX -s 10.244.1.2/32 -m comment --comment "default/web:http" -j KUBE-MARK-MASQ
            -A KUBE-SEP-UIQK3OSOSTRHRPBX -p tcp -m comment --comment "default/web:http" -m tcp -j DNAT --to-destination 10.244.1.2:8080
            -A KUBE-SEP-WC7ZHO4SGECSV3JN -p tcp -m comment --comment "default/plain" -m tcp -j DNAT --to-destination 10.244.1.2:8080
            -A KUBE-SVC-CDGGSHYLG3RE2FKL -m comment --comment "default/web:http -> 10.244.1.7:8080" -j KUBE-SEP-X
            -A KUBE-SEP-AAAAAAAAAAAAAAAA -p tcp -m comment --comment "default/six:http" -m tcp -j DNAT --to-destination [fd00:10:244:1::2]:8080
            COMMIT
            """);

    private static final ProxyRules NFTABLES = new ProxyRules("""
            table ip kube-proxy {
            	chain service-S5KDWTE3-default/web/udp/dns {
            		meta l4proto udp dnat to 10.244.1.2:53
            	}

            	chain service-FY5PMXPG-kube-system/kube-dns/udp/dns {
            		meta l4proto udp dnat ip to numgen random mod 2 map { 0 : 10.244.0.3 . 53, 1 : 10.244.0.4 . 53 }
            	}

            	chain service-N4AI6NVD-default/plain/tcp/ {
            		meta l4proto tcp dnat to 10.244.1.2:8080
            	}
            }
            """);

    @Test
    void iptablesModeRoutesANamedOrUnnamedPortOnceItsEndpointChainTranslatesToTheAddress() {
        assertThat(IPTABLES.route("default", "web", WEB)).isTrue();
        assertThat(IPTABLES.route("default", "plain", WEB)).isTrue();
        assertThat(IPTABLES.route("default", "web", new ServiceEndpoint("10.244.1.2", 53, "UDP"))).isTrue();
        assertThat(IPTABLES.route("default", "six", new ServiceEndpoint("fd00:10:244:1::2", 8080, "TCP"))).isTrue();
    }

    @Test
    void iptablesModeDoesNotYetRouteWhatOnlyAnotherServiceOrProtocolOrAComment() {
        assertThat(IPTABLES.route("default", "we", WEB)).as("a name that is a prefix of another").isFalse();
        assertThat(IPTABLES.route("other", "web", WEB)).isFalse();
        assertThat(IPTABLES.route("default", "web", new ServiceEndpoint("10.244.1.2", 53, "TCP"))).isFalse();
        assertThat(IPTABLES.route("default", "web", new ServiceEndpoint("10.244.1.7", 8080, "TCP")))
                .as("named only in a comment of the Service's chain").isFalse();
    }

    @Test
    void nftablesModeRoutesOneEndpointByItsDnatAndSeveralByTheirMap() {
        assertThat(NFTABLES.route("default", "plain", WEB)).isTrue();
        assertThat(NFTABLES.route("default", "web", new ServiceEndpoint("10.244.1.2", 53, "UDP"))).isTrue();
        assertThat(NFTABLES.route("kube-system", "kube-dns", new ServiceEndpoint("10.244.0.4", 53, "UDP")))
                .isTrue();
    }

    @Test
    void nftablesModeDoesNotRouteAnEndpointThatAnotherServiceOrNoChainHas() {
        assertThat(NFTABLES.route("default", "web", WEB)).as("only default/plain has it").isFalse();
        assertThat(NFTABLES.route("kube-system", "kube-dns", new ServiceEndpoint("10.244.0.4", 5, "UDP")))
                .isFalse();
        assertThat(NFTABLES.route("kube-system", "kube-dns", new ServiceEndpoint("10.244.0.3", 53, "TCP")))
                .isFalse();
    }
}
