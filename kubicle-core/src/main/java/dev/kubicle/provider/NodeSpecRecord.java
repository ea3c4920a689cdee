package dev.kubicle.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link NodeSpec} written down as one line of JSON, so that an engine can keep it beside the node (a label on
 * the node's volume) and the node can be made again, the same, after its container was removed. The form is
 * kubicle's own and engine-independent; a field missing from an older record reads as empty.
 */
public final class NodeSpecRecord {
    /** The label holding the record, on whatever the engine keeps it on. */
    public static final String LABEL = "dev.kubicle.node.spec";

    private static final ObjectMapper JSON = new ObjectMapper();

    private NodeSpecRecord() {
    }

    public static String write(NodeSpec spec) {
        ObjectNode root = JSON.createObjectNode();
        root.put("name", spec.name());
        root.put("image", spec.image());
        root.set("labels", strings(spec.labels()));
        root.put("network", spec.network());
        spec.ip().ifPresent(ip -> root.put("ip", ip));
        spec.ipv6().ifPresent(ip -> root.put("ipv6", ip));
        root.put("varVolume", spec.varVolume());
        ArrayNode ports = root.putArray("ports");
        for (PortSpec port : spec.ports()) {
            ports.addObject().put("listenAddress", port.listenAddress()).put("hostPort", port.hostPort())
                    .put("containerPort", port.containerPort()).put("protocol", port.protocol());
        }
        ArrayNode mounts = root.putArray("mounts");
        for (MountSpec mount : spec.mounts()) {
            mounts.addObject().put("hostPath", mount.hostPath()).put("containerPath", mount.containerPath())
                    .put("readOnly", mount.readOnly()).put("selinuxRelabel", mount.selinuxRelabel())
                    .put("propagation", mount.propagation());
        }
        root.set("env", strings(spec.env()));
        ArrayNode entrypoint = root.putArray("entrypoint");
        spec.entrypoint().forEach(entrypoint::add);
        // Absent means the host's search domains; an empty array means none.
        spec.dnsSearch().ifPresent(domains -> {
            ArrayNode search = root.putArray("dnsSearch");
            domains.forEach(search::add);
        });
        // Absent means no limits, as in records written before nodes had any.
        if (!spec.resources().isEmpty()) {
            root.putObject("resources").put("nanoCpus", spec.resources().nanoCpus())
                    .put("memoryBytes", spec.resources().memoryBytes());
        }
        return root.toString();
    }

    /** The spec a record holds, or empty when the text is not a record kubicle wrote. */
    public static Optional<NodeSpec> read(String record) {
        JsonNode root;
        try {
            root = JSON.readTree(record);
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
        }
        if (root == null || !root.path("name").isTextual() || !root.path("image").isTextual()) {
            return Optional.empty();
        }
        List<PortSpec> ports = new ArrayList<>();
        for (JsonNode port : root.path("ports")) {
            ports.add(new PortSpec(port.path("listenAddress").asText(""), port.path("hostPort").asInt(),
                    port.path("containerPort").asInt(), port.path("protocol").asText("tcp")));
        }
        List<MountSpec> mounts = new ArrayList<>();
        for (JsonNode mount : root.path("mounts")) {
            mounts.add(new MountSpec(mount.path("hostPath").asText(), mount.path("containerPath").asText(),
                    mount.path("readOnly").asBoolean(), mount.path("selinuxRelabel").asBoolean(),
                    mount.path("propagation").asText("none")));
        }
        Optional<List<String>> dnsSearch = root.has("dnsSearch") ? Optional.of(texts(root.path("dnsSearch")))
                : Optional.empty();
        return Optional.of(new NodeSpec(root.path("name").asText(), root.path("image").asText(),
                stringMap(root.path("labels")), root.path("network").asText(""),
                root.hasNonNull("ip") ? Optional.of(root.path("ip").asText()) : Optional.empty(),
                root.hasNonNull("ipv6") ? Optional.of(root.path("ipv6").asText()) : Optional.empty(),
                root.path("varVolume").asText(""), List.copyOf(ports), List.copyOf(mounts),
                stringMap(root.path("env")), texts(root.path("entrypoint")), dnsSearch,
                new ResourceLimits(root.path("resources").path("nanoCpus").asLong(),
                        root.path("resources").path("memoryBytes").asLong())));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(text -> texts.add(text.asText()));
        return texts;
    }

    private static ObjectNode strings(Map<String, String> values) {
        ObjectNode node = JSON.createObjectNode();
        if (values != null) {
            values.forEach(node::put);
        }
        return node;
    }

    private static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> values = new LinkedHashMap<>();
        node.fields().forEachRemaining(entry -> values.put(entry.getKey(), entry.getValue().asText()));
        return values;
    }
}
