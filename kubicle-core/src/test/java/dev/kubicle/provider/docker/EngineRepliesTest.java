package dev.kubicle.provider.docker;

import com.github.dockerjava.api.exception.ConflictException;
import dev.kubicle.provider.PortSpec;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How we read what the engine answers and how we phrase what we ask. */
class EngineRepliesTest {

    @Test
    void anErrorShowsTheEnginesMessageWithoutStatusOrJson() {
        var error = new ConflictException("{\"message\":\"Conflict. The container name \\\"/a\\\" is already in use\"}\n");

        assertThat(EngineErrors.message(error)).isEqualTo("Conflict. The container name \"/a\" is already in use");
        assertThat(EngineErrors.messageFromBody("page not found\n")).isEqualTo("page not found");
    }

    @Test
    void anErrorInsideAStreamedReplyIsAFailureAndOtherwiseTheLastMessageIsTheAnswer() throws Exception {
        byte[] ok = "{\"status\":\"importing\"}\r\n{\"status\":\"sha256:abc\"}\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] failed = "{\"status\":\"x\"}\n{\"errorDetail\":{\"message\":\"bad change\"},\"error\":\"bad change\"}\n"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(EngineHttp.lastMessage(ok).get("status").asText()).isEqualTo("sha256:abc");
        assertThatThrownBy(() -> EngineHttp.lastMessage(failed)).hasMessage("bad change");
    }

    @Test
    void repeatedQueryParametersAreEncodedTheWayGoDecodesThem() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("repo", List.of("kubicle/node:v1"));
        query.put("changes", List.of("ENV container=docker", "ENTRYPOINT [\"/sbin/init\"]"));

        assertThat(EngineHttp.queryString(query)).isEqualTo("?repo=kubicle%2Fnode%3Av1"
                + "&changes=ENV+container%3Ddocker&changes=ENTRYPOINT+%5B%22%2Fsbin%2Finit%22%5D");
        assertThat(EngineHttp.queryString(Map.of())).isEmpty();
    }

    @Test
    void aLabelWithoutValueMatchesAnyValue() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("dev.kubicle.cluster", "demo");
        labels.put("dev.kubicle.role", "");

        assertThat(LabelFilters.of(labels)).containsExactly("dev.kubicle.cluster=demo", "dev.kubicle.role");
    }

    @Test
    void clusterNetworksMasqueradeAndKeepTheDefaultBridgesMtu() {
        assertThat(DockerNetworks.options(Optional.empty()))
                .containsExactly(Map.entry("com.docker.network.bridge.enable_ip_masquerade", "true"));
        assertThat(DockerNetworks.options(Optional.of(1400)))
                .containsEntry("com.docker.network.driver.mtu", "1400");
    }

    @Test
    void portsAskedOfTheHostAreLeftAloneAndAnyPortBecomesAFreeOne() {
        List<PortSpec> resolved = StableHostPorts.resolve(List.of(
                new PortSpec("127.0.0.1", 0, 6443, "tcp"),
                new PortSpec("", 0, 53, "udp"),
                new PortSpec("", 30080, 80, "tcp")));

        assertThat(resolved.get(0).hostPort()).isBetween(1, 65535);
        assertThat(resolved.get(0).listenAddress()).isEqualTo("127.0.0.1");
        assertThat(resolved.get(1).hostPort()).isBetween(1, 65535);
        assertThat(resolved.get(2).hostPort()).isEqualTo(30080);
    }
}
