package dev.kubicle.cluster;

import dev.kubicle.config.Node;
import dev.kubicle.config.NodeResources;
import dev.kubicle.provider.MountSpec;
import dev.kubicle.provider.PortSpec;
import dev.kubicle.provider.ResourceLimits;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One node container to be made: its name, role, image, addresses and what it publishes and mounts.
 *
 * @param ip     its IPv4 address, or empty for one kubicle chooses
 * @param ipv6   its IPv6 address on an IPv6 or dual-stack cluster's network, or empty for one kubicle chooses there
 * @param config the node as the config file describes it (kubeadm patches and labels are read from it later)
 */
public record NodePlan(String name, NodeRole role, String image, Optional<String> ip, Optional<String> ipv6,
                       List<PortSpec> ports, List<MountSpec> mounts, Map<String, String> containerLabels,
                       Node config) {

    /** This node with more container labels; its own labels win over them. */
    public NodePlan withExtraLabels(Map<String, String> extra) {
        Map<String, String> labels = new TreeMap<>(extra);
        labels.putAll(containerLabels);
        return new NodePlan(name, role, image, ip, ipv6, ports, mounts, Map.copyOf(labels), config);
    }

    /** The CPU and memory the config gives the node's container; none for a node without {@code resources}. */
    public ResourceLimits resources() {
        NodeResources given = config.resources();
        return given == null ? ResourceLimits.NONE : new ResourceLimits(given.nanoCpus(), given.memoryBytes());
    }

    public String varVolume() {
        return name + "-var";
    }
}
