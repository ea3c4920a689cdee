package dev.kubicle.cluster.internal.services;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceRoutingTest {

    @Test
    void everyReadyAddressOfEverySliceComesWithEachOfItsSlicesPorts() throws Exception {
        var slices = new ObjectMapper().readTree("""
                {"items": [
                  {"endpoints": [
                     {"addresses": ["10.244.1.2"], "conditions": {"ready": true}},
                     {"addresses": ["10.244.2.2"], "conditions": {"ready": false}},
                     {"addresses": ["10.244.3.2"]}],
                   "ports": [{"name": "http", "port": 8080, "protocol": "TCP"}, {"port": 53, "protocol": "UDP"}]},
                  {"endpoints": [{"addresses": ["fd00::5"], "conditions": {"ready": true}}],
                   "ports": [{"port": 8080}]},
                  {"endpoints": [{"addresses": ["10.244.4.2"]}], "ports": [{"name": "none", "port": null}]}
                ]}
                """);

        assertThat(ServiceRouting.endpoints(slices)).containsExactly(
                new ServiceEndpoint("10.244.1.2", 8080, "TCP"), new ServiceEndpoint("10.244.1.2", 53, "UDP"),
                new ServiceEndpoint("10.244.3.2", 8080, "TCP"), new ServiceEndpoint("10.244.3.2", 53, "UDP"),
                new ServiceEndpoint("fd00::5", 8080, "TCP"));
    }

    @Test
    void aNoSliceServiceHasNoEndpoint() throws Exception {
        assertThat(ServiceRouting.endpoints(new ObjectMapper().readTree("{\"items\": []}"))).isEmpty();
    }
}
