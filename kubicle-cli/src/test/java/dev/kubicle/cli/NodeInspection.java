package dev.kubicle.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubicle.provider.Provider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/** A node container as the engine describes it (its inspect data), for checking what the engine was asked for. */
record NodeInspection(JsonNode json) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static NodeInspection of(Provider engine, String node) {
        try {
            return new NodeInspection(JSON.readTree(engine.inspectJson(node)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String image() {
        return json.path("Config").path("Image").asText();
    }

    /** {@code address:port} the engine publishes a container port ({@code 30080/tcp}) on. */
    String hostBinding(String containerPort) {
        JsonNode binding = json.path("HostConfig").path("PortBindings").path(containerPort).path(0);
        return binding.path("HostIp").asText() + ":" + binding.path("HostPort").asText();
    }

    Map<String, JsonNode> mountsByDestination() {
        Map<String, JsonNode> mounts = new HashMap<>();
        json.path("Mounts").forEach(mount -> mounts.put(mount.path("Destination").asText(), mount));
        return mounts;
    }
}
