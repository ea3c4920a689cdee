package dev.kubicle.kubeadm;

import dev.kubicle.config.Cluster;
import dev.kubicle.config.Networking;
import dev.kubicle.config.Node;
import dev.kubicle.config.NodePodRanges;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Everything the kubeadm config of one node depends on. Maps are kept sorted by key, so the rendered config is the
 * same for the same input.
 *
 * @param kubernetesVersion     the node image's version, such as {@code v1.35.4}; it picks kubeadm's API version
 * @param controlPlaneEndpoint  {@code host:port} every node reaches the API server at: the bootstrap control plane's
 *                              name and 6443, or the load balancer's name when there are several control planes
 * @param nodeIp                the node container's IP; for dual stack both, comma-separated, the primary family first
 * @param bootstrapControlPlane whether {@code kubeadm init} runs on this node; all others join
 * @param apiServerAddress      the host address the API server is published on (a certificate SAN)
 * @param ipFamily              {@code ipv4}, {@code ipv6} or {@code dual}
 * @param kubeProxyMode         {@code iptables}, {@code ipvs}, {@code nftables} or {@code none} (no kube-proxy)
 * @param nodeLabels            labels the kubelet registers the node with
 * @param hostCgroupV1          whether the host runs cgroup v1, which kubelet 1.35+ refuses unless told otherwise
 * @param cgroupDriver          the kubelet's and containerd's cgroup driver, {@code systemd} or {@code cgroupfs}
 * @param bootstrapToken        the token nodes join with, {@code [a-z0-9]{6}.[a-z0-9]{16}}; one per cluster, from
 *                              {@link JoinSecrets#generate()}
 * @param certificateKey        the key control planes fetch the cluster's shared keys with; see {@link JoinSecrets}
 * @param podRangesByKubicle    whether kubicle gives nodes their pod CIDRs ({@link NodePodRanges}) instead of the
 *                              controller manager
 */
public record KubeadmConfigInput(
        String clusterName,
        String kubernetesVersion,
        String controlPlaneEndpoint,
        String nodeName,
        String nodeIp,
        Role role,
        boolean bootstrapControlPlane,
        String apiServerAddress,
        String podSubnet,
        String serviceSubnet,
        String ipFamily,
        String kubeProxyMode,
        Map<String, Boolean> featureGates,
        Map<String, String> runtimeConfig,
        Map<String, String> nodeLabels,
        boolean hostCgroupV1,
        String cgroupDriver,
        String bootstrapToken,
        String certificateKey,
        boolean podRangesByKubicle) {

    public static final String DEFAULT_CGROUP_DRIVER = "systemd";
    public static final String CONTAINERD_SOCKET = "unix:///run/containerd/containerd.sock";
    /** Where a joining node finds the kubeconfig that names the cluster's API server and CA (file discovery). */
    public static final String DISCOVERY_KUBECONFIG = "/kind/discovery.conf";
    /** The port the API server listens on inside a control-plane node. */
    public static final int API_SERVER_PORT = 6443;

    private static final Pattern TOKEN = Pattern.compile("[a-z0-9]{6}\\.[a-z0-9]{16}");
    private static final Pattern CERTIFICATE_KEY = Pattern.compile("[0-9a-f]{64}");
    private static final Set<String> IP_FAMILIES = Set.of("ipv4", "ipv6", "dual");
    private static final Set<String> PROXY_MODES = Set.of("iptables", "ipvs", "nftables", "none");
    private static final Set<String> CGROUP_DRIVERS = Set.of("systemd", "cgroupfs");

    /** What the node does in the cluster, as far as kubeadm is concerned. */
    public enum Role {
        CONTROL_PLANE, WORKER
    }

    public KubeadmConfigInput {
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(kubernetesVersion, "kubernetesVersion");
        Objects.requireNonNull(controlPlaneEndpoint, "controlPlaneEndpoint");
        Objects.requireNonNull(nodeName, "nodeName");
        Objects.requireNonNull(nodeIp, "nodeIp");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(apiServerAddress, "apiServerAddress");
        Objects.requireNonNull(podSubnet, "podSubnet");
        Objects.requireNonNull(serviceSubnet, "serviceSubnet");
        requireOneOf("ipFamily", ipFamily, IP_FAMILIES);
        requireOneOf("kubeProxyMode", kubeProxyMode, PROXY_MODES);
        requireOneOf("cgroupDriver", cgroupDriver, CGROUP_DRIVERS);
        requireMatch("bootstrapToken", bootstrapToken, TOKEN);
        requireMatch("certificateKey", certificateKey, CERTIFICATE_KEY);
        if (bootstrapControlPlane && role != Role.CONTROL_PLANE) {
            throw new IllegalArgumentException("only a control-plane node can be the bootstrap control plane");
        }
        featureGates = sorted(featureGates);
        runtimeConfig = sorted(runtimeConfig);
        nodeLabels = sorted(nodeLabels);
    }

    /**
     * The input for one node of a defaulted config, with the systemd cgroup driver.
     *
     * @param node    one of {@code cluster.nodes()}
     * @param secrets the cluster's, the same for every node of one create
     */
    public static KubeadmConfigInput forNode(Cluster cluster, Node node, String nodeName, String nodeIp,
            boolean bootstrapControlPlane, String kubernetesVersion, String controlPlaneEndpoint,
            boolean hostCgroupV1, JoinSecrets secrets) {
        Networking networking = cluster.networking();
        Role role = "worker".equals(node.role()) ? Role.WORKER : Role.CONTROL_PLANE;
        return new KubeadmConfigInput(cluster.name(), kubernetesVersion, controlPlaneEndpoint, nodeName, nodeIp, role,
                bootstrapControlPlane, networking.apiServerAddress(), networking.podSubnet(),
                networking.serviceSubnet(), networking.ipFamily(), networking.kubeProxyMode(), cluster.featureGates(),
                cluster.runtimeConfig(), node.labels(), hostCgroupV1, DEFAULT_CGROUP_DRIVER,
                secrets.bootstrapToken(), secrets.certificateKey(), NodePodRanges.of(cluster).isPresent());
    }

    private static void requireOneOf(String field, String value, Set<String> allowed) {
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException(field + " is " + value + ", not one of " + new TreeSet<>(allowed));
        }
    }

    private static void requireMatch(String field, String value, Pattern format) {
        if (value == null || !format.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " does not match " + format.pattern());
        }
    }

    private static <V> Map<String, V> sorted(Map<String, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(map));
    }
}
