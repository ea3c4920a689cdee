package dev.kubicle.provider;

import java.util.List;
import java.util.Map;

/**
 * A node container as the engine reports it.
 *
 * @param state the engine's word for it: "running", "exited", "created", ...
 * @param ip    its IPv4 address on the cluster network, or empty when it has none (stopped)
 */
public record NodeInfo(String name, String id, String image, String state, String ip, Map<String, String> labels,
                       List<PortSpec> ports) {

    public boolean running() {
        return "running".equals(state);
    }
}
