package dev.kubicle.config;

import static dev.kubicle.config.ConfigTesting.kubicle;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

class ConfigDefaultsTest {

    private static Cluster defaulted(String body) {
        return ConfigDefaults.apply(ConfigLoader.parse(kubicle(body), "c.yaml"));
    }

    @Test
    void givesAnEmptyConfigKindsDefaultsAndOneControlPlane() {
        Cluster cluster = defaulted("");

        assertThat(cluster).isEqualTo(new Cluster("Cluster", "kubicle.dev/v1alpha1", "kubicle", Map.of(), Map.of(),
                new Networking("ipv4", "127.0.0.1", 0, "10.244.0.0/16", "10.96.0.0/16", false, "iptables", null, null),
                List.of(new Node("control-plane", ConfigDefaults.DEFAULT_NODE_IMAGE, Map.of(), List.of(), List.of(),
                        List.of(), List.of(), null, null)),
                List.of(), List.of(), List.of(), List.of()));
    }

    @Test
    void fillsInTypeMetaForConfigsBuiltInCode() {
        Cluster cluster = ConfigDefaults.apply(new Cluster(null, null, null, null, null, null, null, null, null, null,
                null));

        assertThat(cluster.kind()).isEqualTo("Cluster");
        assertThat(cluster.apiVersion()).isEqualTo("kubicle.dev/v1alpha1");
    }

    @ParameterizedTest(name = "ipFamily {0}")
    @CsvSource(delimiter = '|', value = {
        "ipv4 | 127.0.0.1 | 10.244.0.0/16                   | 10.96.0.0/16                    | 0.0.0.0",
        "ipv6 | ::1       | fd00:10:244::/56                | fd00:10:96::/112                | ::",
        "dual | 127.0.0.1 | 10.244.0.0/16,fd00:10:244::/56  | 10.96.0.0/16,fd00:10:96::/112   | 0.0.0.0"})
    void picksAddressesAndSubnetsOfTheIpFamily(String family, String apiServerAddress, String podSubnet,
            String serviceSubnet, String listenAddress) {
        Cluster cluster = defaulted("networking:\n  ipFamily: " + family
                + "\nnodes:\n- extraPortMappings:\n  - containerPort: 80\n");

        assertThat(cluster.networking().apiServerAddress()).isEqualTo(apiServerAddress);
        assertThat(cluster.networking().podSubnet()).isEqualTo(podSubnet);
        assertThat(cluster.networking().serviceSubnet()).isEqualTo(serviceSubnet);
        assertThat(cluster.nodes().get(0).extraPortMappings().get(0).listenAddress()).isEqualTo(listenAddress);
    }

    @Test
    void defaultsEveryNodeAndItsMountsAndPorts() {
        Cluster cluster = defaulted("""
                nodes:
                - role: control-plane
                - extraMounts:
                  - {containerPath: /a, hostPath: /b}
                  extraPortMappings:
                  - {containerPort: 80}
                """);

        Node second = cluster.nodes().get(1);
        assertThat(second.role()).isEqualTo("control-plane");
        assertThat(second.image()).isEqualTo(ConfigDefaults.DEFAULT_NODE_IMAGE);
        assertThat(second.extraMounts()).containsExactly(new Mount("/a", "/b", false, false, "None"));
        assertThat(second.extraPortMappings()).containsExactly(new PortMapping(80, 0, "0.0.0.0", "TCP"));
    }

    @Test
    void keepsWhatTheConfigSets() {
        String yaml = """
                name: mine
                networking: {apiServerPort: 6443, kubeProxyMode: ipvs, disableDefaultCNI: true, dnsSearch: []}
                nodes:
                - {role: worker, image: "my/node:1", ip: 172.30.0.5}
                """;
        Cluster cluster = defaulted(yaml);

        assertThat(cluster.name()).isEqualTo("mine");
        assertThat(cluster.networking().apiServerPort()).isEqualTo(6443);
        assertThat(cluster.networking().kubeProxyMode()).isEqualTo("ipvs");
        assertThat(cluster.networking().disableDefaultCNI()).isTrue();
        assertThat(cluster.networking().dnsSearch()).isEmpty();
        assertThat(cluster.nodes()).containsExactly(new Node("worker", "my/node:1", Map.of(), List.of(), List.of(),
                List.of(), List.of(), "172.30.0.5", null));
    }

    @Test
    void treatsEmptyStringsAsNotSetLikeKind() {
        Cluster cluster = defaulted("name: ''\nnodes:\n- {role: '', image: ''}\n");

        assertThat(cluster.name()).isEqualTo("kubicle");
        assertThat(cluster.nodes().get(0).role()).isEqualTo("control-plane");
        assertThat(cluster.nodes().get(0).image()).isEqualTo(ConfigDefaults.DEFAULT_NODE_IMAGE);
    }

    @ParameterizedTest(name = "{0} becomes {1}")
    @CsvSource({"udp, UDP", "Sctp, SCTP", "TCP, TCP", "quic, quic"})
    void writesKnownProtocolsUpperCaseAndKeepsUnknownOnesForTheValidator(String written, String defaulted) {
        Cluster cluster =
                defaulted("nodes:\n- extraPortMappings:\n  - {containerPort: 53, protocol: " + written + "}\n");

        assertThat(cluster.nodes().get(0).extraPortMappings().get(0).protocol()).isEqualTo(defaulted);
    }

    @Test
    void replacesTheImageOfEveryNode() {
        Cluster cluster = ConfigDefaults.withImage(defaulted("nodes:\n- image: a/b:1\n- role: worker\n"), "x/y:2");

        assertThat(cluster.nodes()).extracting(Node::image).containsExactly("x/y:2", "x/y:2");
        assertThat(cluster.nodes()).extracting(Node::role).containsExactly("control-plane", "worker");
    }

    @Test
    void replacesTheName() {
        assertThat(ConfigDefaults.withName(defaulted("name: a\n"), "b").name()).isEqualTo("b");
    }
}
