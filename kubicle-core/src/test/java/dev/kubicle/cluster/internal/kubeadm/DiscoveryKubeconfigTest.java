package dev.kubicle.cluster.internal.kubeadm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DiscoveryKubeconfigTest {
    @Test
    void theCurrentContextNamesTheEndpointAndCaWithoutCredentials() throws Exception {
        JsonNode config = new ObjectMapper(new YAMLFactory())
                .readTree(DiscoveryKubeconfig.render("demo-external-load-balancer:6443", "Q0E="));

        String context = config.path("current-context").asText();
        JsonNode contextEntry = config.path("contexts").get(0);
        assertThat(contextEntry.path("name").asText()).isEqualTo(context);
        String cluster = contextEntry.path("context").path("cluster").asText();
        JsonNode clusterEntry = config.path("clusters").get(0);
        assertThat(clusterEntry.path("name").asText()).isEqualTo(cluster);
        assertThat(clusterEntry.path("cluster").path("server").asText())
                .isEqualTo("https://demo-external-load-balancer:6443");
        assertThat(clusterEntry.path("cluster").path("certificate-authority-data").asText()).isEqualTo("Q0E=");
        String user = contextEntry.path("context").path("user").asText();
        JsonNode userEntry = config.path("users").get(0);
        assertThat(userEntry.path("name").asText()).isEqualTo(user);
        assertThat(userEntry.path("user").isEmpty()).isTrue();
    }
}
