package dev.kubicle.containerd;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

/**
 * containerd's config as a tree and back. Jackson writes every value as a dotted key
 * ({@code plugins.'io.containerd.grpc.v1.cri'.containerd.snapshotter = 'overlayfs'}), which is plain TOML 1.0 and
 * which containerd 1.6 reads; comments do not survive, as in kind. Dates would come back as strings, but containerd's
 * config has none.
 */
final class ContainerdToml {
    private static final TomlMapper MAPPER = new TomlMapper();

    private ContainerdToml() {
    }

    /**
     * @throws IllegalArgumentException with TOML's complaint and its line, if the text is not TOML
     */
    static ObjectNode read(String toml) {
        try {
            JsonNode tree = MAPPER.readTree(toml);
            return tree instanceof ObjectNode table ? table : MAPPER.createObjectNode();
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new IllegalArgumentException(e.getOriginalMessage() + where, e);
        }
    }

    static String write(ObjectNode config) {
        try {
            return MAPPER.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing containerd's config as TOML", e);
        }
    }
}
