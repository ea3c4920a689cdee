package dev.kubicle.cluster;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.config.Cluster;
import dev.kubicle.config.IpFamilies;
import dev.kubicle.config.Mount;
import dev.kubicle.config.Node;
import dev.kubicle.config.PortMapping;
import dev.kubicle.provider.EngineLabels;
import dev.kubicle.provider.MountSpec;
import dev.kubicle.provider.NodeInfo;
import dev.kubicle.provider.PortSpec;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Turns a defaulted, validated config into the plan of containers, names and addresses a create will make. */
public final class ClusterPlanner {
    /** The port the API server listens on inside a control-plane node. */
    public static final int API_SERVER_PORT = 6443;

    private ClusterPlanner() {
    }

    /** Where the container that publishes the API server (see {@link ClusterPlan#apiServerPublisher()}) has it. */
    public static PortSpec publishedApiServerPort(NodeInfo publisher) {
        return publisher.ports().stream().filter(port -> port.containerPort() == API_SERVER_PORT).findFirst()
                .orElseThrow(() -> new KubicleException(ExitCode.UNEXPECTED_STATE, "container " + publisher.name()
                        + " publishes no API server port; is it running?"));
    }

    public static ClusterPlan plan(Cluster config) {
        String name = config.name();
        Map<NodeRole, Integer> counts = new EnumMap<>(NodeRole.class);
        long controlPlanes = config.nodes().stream().filter(node -> "control-plane".equals(node.role())).count();
        List<NodePlan> nodes = new ArrayList<>();
        for (Node node : config.nodes()) {
            NodeRole role = NodeRole.fromLabel(node.role());
            int index = counts.merge(role, 1, Integer::sum);
            String nodeName = name + "-" + role.label() + (index == 1 ? "" : Integer.toString(index));
            boolean publishesApiServer = role == NodeRole.CONTROL_PLANE && index == 1 && controlPlanes == 1;
            nodes.add(new NodePlan(nodeName, role, node.image(), IpFamilies.ipv4(node.ip()), IpFamilies.ipv6(node.ip()),
                    ports(config, node, publishesApiServer), mounts(node),
                    containerLabels(config, node, role), node));
        }
        Optional<NodePlan> loadBalancer = controlPlanes > 1 ? Optional.of(loadBalancer(config)) : Optional.empty();
        String subnet = config.networking().subnet();
        Optional<String> ipv6Subnet = IpFamilies.usesIpv6(config.networking().ipFamily())
                ? IpFamilies.ipv6(subnet).or(() -> Optional.of(defaultIpv6Subnet(networkName(name))))
                : Optional.empty();
        return new ClusterPlan(name, networkName(name), IpFamilies.ipv4(subnet), ipv6Subnet, List.copyOf(nodes),
                loadBalancer, config);
    }

    /**
     * The IPv6 subnet of a network the config gives none: unlike IPv4's, the engine has no pool to choose one from.
     * A unique local /64 whose 56-bit global and subnet ID come from a hash of the network's name (as kind derives
     * its network's), so that clusters of different names get different subnets and one name always the same.
     */
    static String defaultIpv6Subnet(String network) {
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(network.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        BigInteger prefix = BigInteger.valueOf(0xfd);
        for (int i = 0; i < 7; i++) {
            prefix = prefix.shiftLeft(8).or(BigInteger.valueOf(hash[i] & 0xff));
        }
        return IpFamilies.format(prefix.shiftLeft(64), 128) + "/64";
    }

    /**
     * Several control planes sit behind one load balancer, which publishes the API server instead of any of them,
     * so that the cluster's endpoint outlives any one control plane.
     */
    private static NodePlan loadBalancer(Cluster config) {
        String name = config.name() + "-" + NodeRole.LOAD_BALANCER.label();
        List<PortSpec> ports = List.of(new PortSpec(config.networking().apiServerAddress(),
                config.networking().apiServerPort(), API_SERVER_PORT, "tcp"));
        return new NodePlan(name, NodeRole.LOAD_BALANCER, LoadBalancerImage.REFERENCE, Optional.empty(),
                Optional.empty(), ports,
                List.of(), Labels.ofRole(config.name(), NodeRole.LOAD_BALANCER), null);
    }

    /** A node spread over engines also carries the address of its engine, where every command will look for it. */
    private static Map<String, String> containerLabels(Cluster config, Node node, NodeRole role) {
        Map<String, String> labels = new TreeMap<>(Labels.ofRole(config.name(), role));
        if (node.engine() != null) {
            config.engines().stream().filter(engine -> engine.name().equals(node.engine())).findFirst()
                    .ifPresent(engine -> labels.put(EngineLabels.ENGINE, engine.host()));
        }
        return Map.copyOf(labels);
    }

    /** Each cluster gets a network of its own, so that its subnet and node addresses can be fixed. */
    public static String networkName(String cluster) {
        return "kubicle-" + cluster;
    }

    private static List<PortSpec> ports(Cluster config, Node node, boolean publishesApiServer) {
        List<PortSpec> ports = new ArrayList<>();
        if (publishesApiServer) {
            ports.add(new PortSpec(config.networking().apiServerAddress(), config.networking().apiServerPort(),
                    API_SERVER_PORT, "tcp"));
        }
        for (PortMapping mapping : node.extraPortMappings()) {
            ports.add(new PortSpec(mapping.listenAddress(), mapping.hostPort(), mapping.containerPort(),
                    mapping.protocol().toLowerCase(Locale.ROOT)));
        }
        return List.copyOf(ports);
    }

    private static List<MountSpec> mounts(Node node) {
        List<MountSpec> mounts = new ArrayList<>();
        for (Mount mount : node.extraMounts()) {
            mounts.add(new MountSpec(mount.hostPath(), mount.containerPath(), mount.readOnly(),
                    mount.selinuxRelabel(), propagation(mount.propagation())));
        }
        return List.copyOf(mounts);
    }

    /** kind's spelling of propagation modes (None, HostToContainer, Bidirectional) in the provider's terms. */
    private static String propagation(String configValue) {
        return switch (configValue) {
            case "HostToContainer" -> "hostToContainer";
            case "Bidirectional" -> "bidirectional";
            default -> "none";
        };
    }
}
