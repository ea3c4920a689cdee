package dev.kubicle.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Fills in what a config left out, with kind's defaults (pkg/apis/config/v1alpha4/default.go plus the port and mount
 * defaults kind's providers apply), so that the rest of kubicle never sees a null or an empty string. Two fields
 * stay null on purpose: {@code networking.dnsSearch} (null means "the host's search domains", an empty list means
 * none), kubicle's {@code networking.subnet} / {@code nodes[].ip} (null means "let the engine pick") and
 * {@code nodes[].resources} (null means no limits).
 */
public final class ConfigDefaults {
    /**
     * The Kubernetes version kubicle deploys unless told otherwise: the newest patch release that builds with the
     * Go toolchain of kubicle's build machines and runs on cgroup v1 hosts (with {@code failCgroupV1: false}).
     */
    public static final String DEFAULT_KUBERNETES_VERSION = "v1.37.2";
    /**
     * The node image used when neither the config nor {@code --image} names one: the Kubernetes node image that
     * {@code kubicle build node-image} makes offline for the default version (and a create builds when missing).
     */
    public static final String DEFAULT_NODE_IMAGE = "kubicle/node:" + DEFAULT_KUBERNETES_VERSION;
    public static final String DEFAULT_CLUSTER_NAME = "kubicle";

    private static final Set<String> PROTOCOLS = Set.of("TCP", "UDP", "SCTP");

    private ConfigDefaults() {
    }

    public static Cluster apply(Cluster config) {
        Networking networking = networking(config.networking());
        List<Node> nodes = isEmpty(config.nodes()) ? List.of(emptyNode()) : config.nodes();
        return new Cluster(
                orDefault(config.kind(), TypeMetaRules.KIND),
                orDefault(config.apiVersion(), TypeMetaRules.KUBICLE_API_VERSION),
                orDefault(config.name(), DEFAULT_CLUSTER_NAME),
                orEmpty(config.featureGates()),
                orEmpty(config.runtimeConfig()),
                networking,
                nodes.stream().map(node -> node(node, networking.ipFamily())).toList(),
                orEmpty(config.kubeadmConfigPatches()),
                orEmpty(config.kubeadmConfigPatchesJSON6902()),
                orEmpty(config.containerdConfigPatches()),
                orEmpty(config.containerdConfigPatchesJSON6902()),
                config.engines());
    }

    /** A defaulted config with every node's image replaced, as {@code --image} does. */
    public static Cluster withImage(Cluster config, String image) {
        List<Node> nodes = config.nodes().stream()
                .map(node -> new Node(node.role(), image, node.labels(), node.extraMounts(), node.extraPortMappings(),
                        node.kubeadmConfigPatches(), node.kubeadmConfigPatchesJSON6902(), node.ip(),
                        node.resources(), node.engine()))
                .toList();
        return new Cluster(config.kind(), config.apiVersion(), config.name(), config.featureGates(),
                config.runtimeConfig(), config.networking(), nodes, config.kubeadmConfigPatches(),
                config.kubeadmConfigPatchesJSON6902(), config.containerdConfigPatches(),
                config.containerdConfigPatchesJSON6902(), config.engines());
    }

    /** The config with its name replaced, as {@code --name} does. */
    public static Cluster withName(Cluster config, String name) {
        return new Cluster(config.kind(), config.apiVersion(), name, config.featureGates(), config.runtimeConfig(),
                config.networking(), config.nodes(), config.kubeadmConfigPatches(),
                config.kubeadmConfigPatchesJSON6902(), config.containerdConfigPatches(),
                config.containerdConfigPatchesJSON6902(), config.engines());
    }

    private static Networking networking(Networking given) {
        Networking in = given == null ? new Networking(null, null, null, null, null, null, null, null, null) : given;
        String family = orDefault(in.ipFamily(), "ipv4");
        return new Networking(
                family,
                orDefault(in.apiServerAddress(), family.equals("ipv6") ? "::1" : "127.0.0.1"),
                in.apiServerPort() == null ? 0 : in.apiServerPort(),
                orDefault(in.podSubnet(), perFamily(family, "10.244.0.0/16", "fd00:10:244::/56")),
                orDefault(in.serviceSubnet(), perFamily(family, "10.96.0.0/16", "fd00:10:96::/112")),
                Boolean.TRUE.equals(in.disableDefaultCNI()),
                orDefault(in.kubeProxyMode(), "iptables"),
                in.dnsSearch(),
                in.subnet());
    }

    /** kind's subnets per family; dual stack gets both, IPv4 first. */
    private static String perFamily(String family, String ipv4, String ipv6) {
        return switch (family) {
            case "ipv6" -> ipv6;
            case "dual" -> ipv4 + "," + ipv6;
            default -> ipv4;
        };
    }

    private static Node emptyNode() {
        return new Node(null, null, null, null, null, null, null, null, null);
    }

    private static Node node(Node in, String ipFamily) {
        return new Node(
                orDefault(in.role(), "control-plane"),
                orDefault(in.image(), DEFAULT_NODE_IMAGE),
                orEmpty(in.labels()),
                orEmpty(in.extraMounts()).stream().map(ConfigDefaults::mount).toList(),
                orEmpty(in.extraPortMappings()).stream().map(mapping -> portMapping(mapping, ipFamily)).toList(),
                orEmpty(in.kubeadmConfigPatches()),
                orEmpty(in.kubeadmConfigPatchesJSON6902()),
                in.ip(),
                in.resources(),
                in.engine());
    }

    private static Mount mount(Mount in) {
        return new Mount(in.containerPath(), in.hostPath(), Boolean.TRUE.equals(in.readOnly()),
                Boolean.TRUE.equals(in.selinuxRelabel()), orDefault(in.propagation(), "None"));
    }

    /**
     * Protocols are matched without regard to case, as kind does, and stored upper case; an unknown one is kept as
     * written so the validator can quote it. The wildcard listen address follows the cluster's IP family, as in
     * kind's docker provider.
     */
    private static PortMapping portMapping(PortMapping in, String ipFamily) {
        String protocol = orDefault(in.protocol(), "TCP");
        String upper = protocol.toUpperCase(Locale.ROOT);
        return new PortMapping(in.containerPort(), in.hostPort() == null ? 0 : in.hostPort(),
                orDefault(in.listenAddress(), ipFamily.equals("ipv6") ? "::" : "0.0.0.0"),
                PROTOCOLS.contains(upper) ? upper : protocol);
    }

    /** Like kind, an empty string counts as not set. */
    private static String orDefault(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }

    private static boolean isEmpty(List<?> list) {
        return list == null || list.isEmpty();
    }
}
