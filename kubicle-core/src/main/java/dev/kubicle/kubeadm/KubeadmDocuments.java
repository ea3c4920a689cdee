package dev.kubicle.kubeadm;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.kubeadm.ComponentConfigTypes.KubeProxyConfiguration;
import dev.kubicle.kubeadm.ComponentConfigTypes.KubeProxyConntrack;
import dev.kubicle.kubeadm.ComponentConfigTypes.KubeProxyIptables;
import dev.kubicle.kubeadm.ComponentConfigTypes.KubeletConfiguration;
import dev.kubicle.kubeadm.KubeadmConfigInput.Role;
import dev.kubicle.kubeadm.KubeadmTypes.ApiEndpoint;
import dev.kubicle.kubeadm.KubeadmTypes.ApiServer;
import dev.kubicle.kubeadm.KubeadmTypes.BootstrapToken;
import dev.kubicle.kubeadm.KubeadmTypes.ClusterConfiguration;
import dev.kubicle.kubeadm.KubeadmTypes.ClusterNetworking;
import dev.kubicle.kubeadm.KubeadmTypes.ControlPlaneComponent;
import dev.kubicle.kubeadm.KubeadmTypes.Discovery;
import dev.kubicle.kubeadm.KubeadmTypes.EnvVar;
import dev.kubicle.kubeadm.KubeadmTypes.Etcd;
import dev.kubicle.kubeadm.KubeadmTypes.FileDiscovery;
import dev.kubicle.kubeadm.KubeadmTypes.InitConfiguration;
import dev.kubicle.kubeadm.KubeadmTypes.JoinConfiguration;
import dev.kubicle.kubeadm.KubeadmTypes.JoinControlPlane;
import dev.kubicle.kubeadm.KubeadmTypes.LocalEtcd;
import dev.kubicle.kubeadm.KubeadmTypes.NodeRegistration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides what goes into one node's kubeadm config: the typed documents, before they are written as YAML and patched.
 * The choices follow kind's templates (pkg/cluster/internal/kubeadm/config.go) unless a comment says otherwise.
 */
final class KubeadmDocuments {
    /** kind's provider IDs name the engine; kubicle's nodes are Docker containers. */
    private static final String PROVIDER = "docker";
    /**
     * Preflight checks fail or mislead inside a node container (no /lib/modules, swap, the host's kernel config) and
     * would pull images the node image already holds; kind skips them too.
     */
    private static final String PREFLIGHT = "preflight";
    private static final String KUBE_PROXY_ADDON = "addon/kube-proxy";
    /**
     * The Go runtime's heap target for the control plane: a collection when the heap has grown by half since the
     * last one, not by all of it (GOGC=100). The API server keeps about a hundred MiB live at rest, so its heap
     * stays some tens of MiB smaller; the price is more frequent collections, CPU that an idle local cluster has
     * to spare and that a busy one spends in short bursts.
     */
    private static final List<EnvVar> FRUGAL_HEAP = List.of(new EnvVar("GOGC", "50"));
    /**
     * The controller manager's own request rate toward the API server (its defaults: 20 per second, bursts of 30).
     * On start it makes one ServiceAccount and asks one token for each of its some forty controllers, through one
     * client: at the default rate that alone took 4.5 s of a new cluster's start, during which no controller ran (no
     * DaemonSet pods, no default ServiceAccount). A burst of 200 covers the start; 100 per second lets a busy local
     * cluster's controllers keep up, with the API server's priority and fairness still guarding it.
     */
    private static final String CONTROLLER_MANAGER_QPS = "100";
    private static final String CONTROLLER_MANAGER_BURST = "200";

    private KubeadmDocuments() {
    }

    /** ClusterConfiguration, InitConfiguration or JoinConfiguration, KubeletConfiguration, KubeProxyConfiguration. */
    static List<Object> of(KubeadmConfigInput input, KubernetesVersion kubernetes, KubeadmApiVersion api) {
        List<Object> documents = new ArrayList<>();
        documents.add(clusterConfiguration(input, api));
        documents.add(input.bootstrapControlPlane() ? initConfiguration(input, api) : joinConfiguration(input, api));
        documents.add(kubeletConfiguration(input, kubernetes));
        if (!input.kubeProxyMode().equals("none")) {
            documents.add(kubeProxyConfiguration(input, kubernetes));
        }
        return documents;
    }

    /**
     * Only {@code kubeadm init} reads it; a joining node takes the cluster's copy from the kubeadm-config ConfigMap.
     * It is written on every node anyway, as kind does, so that patches find the same documents everywhere.
     */
    private static ClusterConfiguration clusterConfiguration(KubeadmConfigInput input, KubeadmApiVersion api) {
        boolean ipv6 = input.ipFamily().equals("ipv6");
        ExtraArgs apiServer = ExtraArgs.none();
        if (!input.runtimeConfig().isEmpty()) {
            apiServer = apiServer.with("runtime-config", joined(input.runtimeConfig()));
        }
        ExtraArgs controllerManager = ExtraArgs.none();
        ExtraArgs scheduler = ExtraArgs.none();
        if (!input.featureGates().isEmpty()) {
            String gates = joined(input.featureGates());
            apiServer = apiServer.with("feature-gates", gates);
            controllerManager = controllerManager.with("feature-gates", gates);
            scheduler = scheduler.with("feature-gates", gates);
        }
        // Lets PersistentVolumes of type hostPath be provisioned on a one-node cluster, as kind allows.
        controllerManager = controllerManager.with("enable-hostpath-provisioner", "true");
        controllerManager = controllerManager.with("kube-api-qps", CONTROLLER_MANAGER_QPS)
                .with("kube-api-burst", CONTROLLER_MANAGER_BURST);
        if (input.podRangesByKubicle()) {
            controllerManager = controllerManager.with("allocate-node-cidrs", "false");
        }
        if (onlyControlPlane(input)) {
            // With no second instance there is nobody to elect against; electing costs seconds of a new cluster's
            // start (the first try finds no API server, the next one comes two seconds later), and the controller
            // manager is what gives nodes their pod CIDRs and starts the CNI's pods.
            controllerManager = controllerManager.with("leader-elect", "false");
            scheduler = scheduler.with("leader-elect", "false");
        }
        if (ipv6) {
            // kubeadm binds both to 127.0.0.1; an IPv6 cluster, as in kind, has them serve (and be probed) on IPv6.
            controllerManager = controllerManager.with("bind-address", "::");
            scheduler = scheduler.with("bind-address", "::1");
        }
        List<EnvVar> envs = api.componentEnvs() ? FRUGAL_HEAP : List.of();
        return new ClusterConfiguration(api.apiVersion(), "ClusterConfiguration", input.kubernetesVersion(),
                input.clusterName(), input.controlPlaneEndpoint(),
                new ApiServer(certSans(input), apiServer, envs),
                component(controllerManager, envs),
                component(scheduler, envs),
                envs.isEmpty() ? null : new Etcd(new LocalEtcd(envs)),
                new ClusterNetworking(input.podSubnet(), input.serviceSubnet()), api.fastKeyAlgorithm());
    }

    /** A cluster of one control plane reaches the API server at that node itself, not at a load balancer. */
    private static boolean onlyControlPlane(KubeadmConfigInput input) {
        return input.controlPlaneEndpoint().startsWith(input.nodeName() + ":");
    }

    /** Left out when it has neither arguments nor environment, rather than written as an empty mapping. */
    private static ControlPlaneComponent component(ExtraArgs args, List<EnvVar> envs) {
        return args.args().isEmpty() && envs.isEmpty() ? null : new ControlPlaneComponent(args, envs);
    }

    /**
     * The API server's certificate must be valid for every name it is reached by: from the host through the published
     * port (localhost, 127.0.0.1 or the configured address), and from the nodes by the endpoint's host, the node's
     * name and its IPs.
     */
    private static List<String> certSans(KubeadmConfigInput input) {
        Set<String> sans = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", input.apiServerAddress(),
                endpointHost(input.controlPlaneEndpoint()), input.nodeName()));
        sans.addAll(nodeIps(input));
        return List.copyOf(sans);
    }

    private static InitConfiguration initConfiguration(KubeadmConfigInput input, KubeadmApiVersion api) {
        List<String> skipPhases = new ArrayList<>(List.of(PREFLIGHT));
        if (input.kubeProxyMode().equals("none")) {
            skipPhases.add(KUBE_PROXY_ADDON);
        }
        return new InitConfiguration(api.apiVersion(), "InitConfiguration",
                List.of(new BootstrapToken(input.bootstrapToken())), localApiEndpoint(input), nodeRegistration(input),
                input.certificateKey(), skipPhases);
    }

    /**
     * A control plane joins with the certificate key: {@code kubeadm init --upload-certs} stores the shared keys
     * encrypted in the cluster and {@code kubeadm join} fetches them, so nothing needs copying between nodes.
     */
    private static JoinConfiguration joinConfiguration(KubeadmConfigInput input, KubeadmApiVersion api) {
        JoinControlPlane controlPlane = input.role() == Role.CONTROL_PLANE
                ? new JoinControlPlane(localApiEndpoint(input), input.certificateKey())
                : null;
        // Discovery from a file that names the API server and its CA: token discovery would wait for the controller
        // manager's bootstrap signer to sign the cluster-info ConfigMap, and the first retry comes five seconds later
        // on a cluster whose controllers are still starting. The token still authenticates the TLS bootstrap.
        Discovery discovery = new Discovery(new FileDiscovery(KubeadmConfigInput.DISCOVERY_KUBECONFIG),
                input.bootstrapToken());
        return new JoinConfiguration(api.apiVersion(), "JoinConfiguration", controlPlane, nodeRegistration(input),
                discovery, List.of(PREFLIGHT));
    }

    private static ApiEndpoint localApiEndpoint(KubeadmConfigInput input) {
        return new ApiEndpoint(nodeIps(input).get(0), KubeadmConfigInput.API_SERVER_PORT);
    }

    private static NodeRegistration nodeRegistration(KubeadmConfigInput input) {
        ExtraArgs kubelet = ExtraArgs.none()
                // Without it the kubelet picks the address of its default route, which may be the wrong family.
                .with("node-ip", input.nodeIp())
                // kind's format; tools that recognise kind nodes (cloud-provider-kind and the like) read it.
                .with("provider-id", "kind://" + PROVIDER + "/" + input.clusterName() + "/" + input.nodeName());
        if (!input.nodeLabels().isEmpty()) {
            kubelet = kubelet.with("node-labels", joined(input.nodeLabels()));
        }
        return new NodeRegistration(input.nodeName(), KubeadmConfigInput.CONTAINERD_SOCKET, kubelet);
    }

    private static KubeletConfiguration kubeletConfiguration(KubeadmConfigInput input, KubernetesVersion kubernetes) {
        boolean ipv6 = input.ipFamily().equals("ipv6");
        // kubelet 1.35 refuses to start on cgroup v1 unless told not to; the field exists from 1.31 on, and older
        // kubelets reject fields they do not know.
        Boolean failCgroupV1 = input.hostCgroupV1() && kubernetes.atLeast(1, 31) ? Boolean.FALSE : null;
        // The kubelet sees the host's disk through the node container and would evict pods and delete images to
        // free space it cannot free; a dev machine's full disk must not empty the cluster.
        Map<String, String> evictionHard = new LinkedHashMap<>();
        evictionHard.put("nodefs.available", "0%");
        evictionHard.put("nodefs.inodesFree", "0%");
        evictionHard.put("imagefs.available", "0%");
        return new KubeletConfiguration(ComponentConfigTypes.KUBELET_API_VERSION, "KubeletConfiguration",
                input.cgroupDriver(),
                // One parent for all pod cgroups, apart from the node's own services. The node's entrypoint makes
                // the container's cgroup look like the root (kind's fix_cgroup), so nodes sharing the host's
                // hierarchy do not share this parent.
                "/kubelet",
                false, failCgroupV1, ipv6 ? "::" : null, ipv6 ? "::" : null, 100, evictionHard,
                input.featureGates());
    }

    private static KubeProxyConfiguration kubeProxyConfiguration(KubeadmConfigInput input,
            KubernetesVersion kubernetes) {
        if (input.kubeProxyMode().equals("nftables") && !kubernetes.atLeast(1, 29)) {
            throw new KubicleException(ExitCode.INVALID_INPUT, "networking.kubeProxyMode: nftables needs Kubernetes"
                    + " v1.29 or later, and the node image has " + kubernetes + "; use iptables, or a newer node image");
        }
        // nftables mode does not drop packets conntrack considers invalid, as the iptables mode does; kernels before
        // 6.1 then reset long-lived connections unless conntrack is liberal about TCP windows.
        Boolean tcpBeLiberal = input.kubeProxyMode().equals("nftables") ? Boolean.TRUE : null;
        return new KubeProxyConfiguration(ComponentConfigTypes.KUBE_PROXY_API_VERSION, "KubeProxyConfiguration",
                input.kubeProxyMode(), input.featureGates(),
                // Batches rule updates: many services changing at once would otherwise rewrite the rules each time.
                new KubeProxyIptables("1s"),
                // 0 leaves nf_conntrack_max alone: it is global to the host, and a node container may not set it.
                new KubeProxyConntrack(0, tcpBeLiberal));
    }

    private static List<String> nodeIps(KubeadmConfigInput input) {
        return List.of(input.nodeIp().split(","));
    }

    /** The host of {@code host:port} or {@code [ipv6]:port}. */
    static String endpointHost(String endpoint) {
        if (endpoint.startsWith("[") && endpoint.contains("]")) {
            return endpoint.substring(1, endpoint.indexOf(']'));
        }
        int colon = endpoint.lastIndexOf(':');
        return colon < 0 ? endpoint : endpoint.substring(0, colon);
    }

    /** {@code a=1,b=2}, in the map's order. */
    private static String joined(Map<String, ?> values) {
        return values.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(","));
    }
}
