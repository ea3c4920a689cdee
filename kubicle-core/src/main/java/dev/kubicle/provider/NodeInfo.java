package dev.kubicle.provider;

import java.util.List;
import java.util.Map;

/**
 * A node container as the engine reports it.
 *
 * @param state the engine's word for it: "running", "exited", "created", ...
 * @param ip    its IPv4 address on the cluster network, or empty when it has none (stopped)
 * @param ipv6  its IPv6 address on the cluster network, or empty when it has none (stopped, or an IPv4 network)
 */
public record NodeInfo(String name, String id, String image, String state, String ip, String ipv6,
                       Map<String, String> labels, List<PortSpec> ports) {

    public boolean running() {
        return "running".equals(state);
    }
}
