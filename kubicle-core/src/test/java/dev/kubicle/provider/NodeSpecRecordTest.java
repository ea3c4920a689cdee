package dev.kubicle.provider;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class NodeSpecRecordTest {

    @Test
    void aRecordGivesBackTheSpecItWasWrittenFrom() {
        NodeSpec spec = new NodeSpec("c-worker", "kubicle/node:v1.37.2",
                Map.of("dev.kubicle.cluster", "c", "dev.kubicle.role", "worker"), "kubicle-c",
                Optional.of("172.18.0.3"), Optional.of("fd00:1::3"), "c-worker-var",
                List.of(new PortSpec("127.0.0.1", 41234, 6443, "tcp")),
                List.of(new MountSpec("/srv", "/data", true, false, "hostToContainer")),
                Map.of("KUBICLE_NODE_ROLE", "worker"), List.of("haproxy", "-f", "x"),
                Optional.of(List.of("corp.example")), new ResourceLimits(1_500_000_000L, 2L << 30));

        assertThat(NodeSpecRecord.read(NodeSpecRecord.write(spec))).contains(spec);
    }

    @Test
    void noSearchDomainsStayDistinctFromTheHostsOnes() {
        NodeSpec none = new NodeSpec("n", "i", Map.of(), "net", Optional.empty(), Optional.empty(), "", List.of(),
                List.of(), Map.of(), List.of(), Optional.of(List.of()), ResourceLimits.NONE);

        assertThat(NodeSpecRecord.read(NodeSpecRecord.write(none))).contains(none);
        assertThat(NodeSpecRecord.read(NodeSpecRecord.write(none)).orElseThrow().dnsSearch()).contains(List.of());
    }

    @Test
    void aRecordKeepsTheIpv6AddressOfANodeOnAnIpv6Network() {
        NodeSpec spec = new NodeSpec("c-worker", "kubicle/node:v1.37.2", Map.of(), "kubicle-c",
                Optional.of("172.18.0.3"), Optional.of("fd00:1::3"), "c-worker-var", List.of(), List.of(), Map.of(),
                List.of(), Optional.empty(), ResourceLimits.NONE);

        assertThat(NodeSpecRecord.read(NodeSpecRecord.write(spec))).hasValueSatisfying(read ->
                assertThat(read.ipv6()).contains("fd00:1::3"));
    }

    @Test
    void aNodeWithoutAFixedAddressStaysWithout() {
        NodeSpec spec = new NodeSpec("n", "i", Map.of(), "net", Optional.empty(), "", List.of(), List.of(), Map.of());

        assertThat(NodeSpecRecord.read(NodeSpecRecord.write(spec))).contains(spec);
    }

    @Test
    void aRecordWrittenBeforeNodesHadLimitsReadsAsUnlimited() {
        String older = "{\"name\":\"n\",\"image\":\"i\",\"network\":\"net\",\"varVolume\":\"n-var\"}";

        assertThat(NodeSpecRecord.read(older)).hasValueSatisfying(read ->
                assertThat(read.resources()).isEqualTo(ResourceLimits.NONE));
    }

    @Test
    void textThatIsNoRecordReadsAsNone() {
        assertThat(NodeSpecRecord.read("not json")).isEmpty();
        assertThat(NodeSpecRecord.read("{\"name\":1}")).isEmpty();
    }
}
