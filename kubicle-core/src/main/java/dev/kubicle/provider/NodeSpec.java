package dev.kubicle.provider;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything needed to run one node container, independent of the engine: the provider adds what every node
 * needs (privileges, tmpfs on /run and /tmp, the cgroup set-up, /lib/modules) on its own.
 *
 * @param name        container name, which is also the node's hostname
 * @param ip          a static IPv4 address on {@code network}, or empty for one the engine picks
 * @param ipv6        a static IPv6 address on {@code network}, for a node of an IPv6 or dual-stack cluster (whose
 *                    node then also gets IPv6 turned on and forwarding); empty for an IPv4 node
 * @param varVolume   name of the node's volume, mounted at /var, which holds all of the node's state (kubicle's
 *                    images keep /etc/kubernetes there too) and records this spec, so that the node can be made
 *                    again when its container is gone; empty for none, which keeps /var in the container's own
 *                    file system (where a commit saves it)
 * @param ports       ports published on the host
 * @param mounts      host paths mounted into the node
 * @param entrypoint  the command the container runs instead of the image's entrypoint; empty for the image's
 * @param dnsSearch   the search domains of the node's resolv.conf, none if the list is empty; empty for the host's
 * @param resources   the CPU and memory the container may use; {@link ResourceLimits#NONE} for no limits
 */
public record NodeSpec(
        String name,
        String image,
        Map<String, String> labels,
        String network,
        Optional<String> ip,
        Optional<String> ipv6,
        String varVolume,
        List<PortSpec> ports,
        List<MountSpec> mounts,
        Map<String, String> env,
        List<String> entrypoint,
        Optional<List<String>> dnsSearch,
        ResourceLimits resources) {

    public NodeSpec {
        entrypoint = entrypoint == null ? List.of() : List.copyOf(entrypoint);
        ipv6 = ipv6 == null ? Optional.empty() : ipv6;
        dnsSearch = dnsSearch == null ? Optional.empty() : dnsSearch.map(List::copyOf);
        resources = resources == null ? ResourceLimits.NONE : resources;
    }

    /** An IPv4 container with the host's search domains and a command of its own, such as an image build's. */
    public NodeSpec(String name, String image, Map<String, String> labels, String network, Optional<String> ip,
                    String varVolume, List<PortSpec> ports, List<MountSpec> mounts, Map<String, String> env,
                    List<String> entrypoint) {
        this(name, image, labels, network, ip, Optional.empty(), varVolume, ports, mounts, env, entrypoint,
                Optional.empty(), ResourceLimits.NONE);
    }

    /** An IPv4 node with the host's search domains that boots through its image's entrypoint. */
    public NodeSpec(String name, String image, Map<String, String> labels, String network, Optional<String> ip,
                    String varVolume, List<PortSpec> ports, List<MountSpec> mounts, Map<String, String> env) {
        this(name, image, labels, network, ip, varVolume, ports, mounts, env, List.of());
    }

    /** This node with other published ports. */
    public NodeSpec withPorts(List<PortSpec> newPorts) {
        return new NodeSpec(name, image, labels, network, ip, ipv6, varVolume, newPorts, mounts, env, entrypoint,
                dnsSearch, resources);
    }

    public boolean hasVarVolume() {
        return varVolume != null && !varVolume.isEmpty();
    }
}
