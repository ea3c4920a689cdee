package dev.kubicle.cluster.internal.compose;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.cluster.ClusterPlan;
import dev.kubicle.cluster.ClusterPlanner;
import dev.kubicle.cluster.Labels;
import dev.kubicle.cluster.NodePlan;
import dev.kubicle.cluster.NodeRole;
import dev.kubicle.cluster.internal.NodeAddresses;
import dev.kubicle.cluster.internal.create.ProvisionNodesAction;
import dev.kubicle.cluster.internal.loadbalancer.HaproxyConfig;
import dev.kubicle.cluster.internal.loadbalancer.LoadBalancer;
import dev.kubicle.json.YamlTrees;
import dev.kubicle.kubeadm.JoinSecrets;
import dev.kubicle.provider.MountSpec;
import dev.kubicle.provider.NetworkInfo;
import dev.kubicle.provider.NodeSpec;
import dev.kubicle.provider.Provider;
import dev.kubicle.yaml.FaithfulYamlWriter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a cluster as a Compose project that brings it up without kubicle: {@code docker-compose.yml} with the
 * cluster's network, fixed addresses and node containers as kubicle runs them, and beside it {@code kubicle/}, which
 * every node mounts read-only at {@value #SCRIPTS}: the scripts with which a node bootstraps itself (kubeadm init on
 * the first control plane, join on the others, once) and each node's rendered files under {@code nodes/<node>}.
 * The first control plane writes the admin kubeconfig into {@code kubeconfig/}. What the nodes hand each other at
 * bootstrap (the discovery file) lives in a volume of the project, so {@code docker-compose down -v} leaves nothing
 * of it for a later {@code up}.
 */
public final class ComposeExport {
    public static final String COMPOSE_FILE = "docker-compose.yml";
    public static final String KUBECONFIG = "kubeconfig/kubeconfig";
    static final String SCRIPTS = "/kind/compose";
    private static final String NETWORK_KEY = "kubicle";
    private static final String HAPROXY_CONFIG = "kubicle/haproxy.cfg";
    private static final String RESOURCES = "/dev/kubicle/compose/";
    /** The node image's own entrypoint, which the Compose entrypoint hands over to. */
    private static final List<String> IMAGE_ENTRYPOINT = List.of("/usr/local/bin/entrypoint", "/sbin/init");

    private final Provider provider;

    public ComposeExport(Provider provider) {
        this.provider = provider;
    }

    /**
     * @param source where the config comes from, for messages about what it lacks
     * @return the Compose file written
     */
    public Path write(ClusterPlan plan, Path directory, String source) {
        String kubernetesVersion = ComposeRequirements.check(plan, provider, source);
        String subnet = plan.subnet().orElseThrow();
        // As the create assigns them: the nodes in order, then the load balancer.
        List<NodePlan> containers = new ArrayList<>(plan.nodes());
        plan.loadBalancer().ifPresent(containers::add);
        List<String> ips = new NodeAddresses(subnet, "", List.of())
                .assignAll(containers.stream().map(NodePlan::ip).toList());
        Map<String, String> addresses = new LinkedHashMap<>();
        for (int i = 0; i < plan.nodes().size(); i++) {
            addresses.put(plan.nodes().get(i).name(), ips.get(i));
        }
        Optional<String> balancerIp = plan.loadBalancer().map(balancer -> ips.get(ips.size() - 1));
        NodeBootstrapFiles files = new NodeBootstrapFiles(plan, addresses, kubernetesVersion, JoinSecrets.generate());
        try {
            Files.createDirectories(directory.resolve(KUBECONFIG).getParent());
            for (String script : List.of("entrypoint", "bootstrap", "kubicle-bootstrap.service")) {
                copyResource(script, directory.resolve("kubicle").resolve(script));
            }
            for (NodePlan node : plan.nodes()) {
                Path nodeDirectory = directory.resolve("kubicle/nodes").resolve(node.name());
                Files.createDirectories(nodeDirectory);
                for (Map.Entry<String, String> file : files.of(node).entrySet()) {
                    // The kubeadm configs hold the cluster's join token and certificate key.
                    writePrivate(nodeDirectory.resolve(file.getKey()), file.getValue());
                }
            }
            if (plan.loadBalancer().isPresent()) {
                Files.writeString(directory.resolve(HAPROXY_CONFIG), HaproxyConfig.render(
                        plan.nodes(NodeRole.CONTROL_PLANE).stream().map(NodePlan::name).toList(),
                        ClusterPlanner.API_SERVER_PORT, false));
            }
            Path composeFile = directory.resolve(COMPOSE_FILE);
            Map<String, Object> project = project(plan, subnet, addresses, kubernetesVersion);
            plan.loadBalancer().ifPresent(balancer -> addLoadBalancer(project, plan, balancer, balancerIp.orElseThrow()));
            Files.writeString(composeFile, yaml(project));
            return composeFile;
        } catch (IOException e) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE, "cannot write the Compose project into "
                    + directory + ": " + e.getMessage(), e);
        }
    }

    private Map<String, Object> project(ClusterPlan plan, String subnet, Map<String, String> addresses,
            String kubernetesVersion) {
        String sharedVolume = plan.name() + "-bootstrap";
        NetworkInfo network = new NetworkInfo(plan.network(), "", subnet, "", "", "", Map.of(), Instant.EPOCH);
        Map<String, Object> services = new LinkedHashMap<>();
        Map<String, Object> volumes = new LinkedHashMap<>();
        volumes.put(sharedVolume, namedVolume(plan, sharedVolume));
        for (NodePlan node : plan.nodes()) {
            NodeSpec planned = ProvisionNodesAction.spec(network, node, addresses.get(node.name()), Optional.empty(),
                    Optional.ofNullable(plan.config().networking().dnsSearch()));
            List<MountSpec> mounts = new ArrayList<>(planned.mounts());
            mounts.add(new MountSpec("./kubicle", SCRIPTS, true, false, "none"));
            mounts.add(new MountSpec(sharedVolume, SCRIPTS + "-shared", false, false, "none"));
            if (node == plan.bootstrapControlPlane()) {
                mounts.add(new MountSpec("./" + Path.of(KUBECONFIG).getParent(), SCRIPTS + "-kubeconfig", false,
                        false, "none"));
            }
            List<String> entrypoint = new ArrayList<>(List.of(SCRIPTS + "/entrypoint"));
            entrypoint.addAll(IMAGE_ENTRYPOINT);
            NodeSpec spec = new NodeSpec(planned.name(), planned.image(), planned.labels(), planned.network(),
                    planned.ip(), planned.ipv6(), planned.varVolume(), planned.ports(), mounts, planned.env(),
                    entrypoint, planned.dnsSearch(), planned.resources());
            services.put(node.name(), provider.composeService(spec, true, NETWORK_KEY));
            volumes.put(spec.varVolume(), namedVolume(plan, spec.varVolume()));
        }
        Map<String, Object> ipam = Map.of("config", List.of(Map.of("subnet", subnet)));
        Map<String, Object> composeNetwork = new LinkedHashMap<>();
        composeNetwork.put("name", plan.network());
        composeNetwork.put("labels", Labels.ofCluster(plan.name()));
        composeNetwork.put("ipam", ipam);
        Map<String, Object> project = new LinkedHashMap<>();
        // 2.4: resource limits (cpus, mem_limit) and device cgroup rules without swarm, in Compose 1.29 and v2.
        project.put("version", "2.4");
        project.put("x-kubicle", metadata(plan, addresses, kubernetesVersion));
        project.put("services", services);
        project.put("networks", Map.of(NETWORK_KEY, composeNetwork));
        project.put("volumes", volumes);
        return project;
    }

    /**
     * The load balancer as kubicle runs it, with its haproxy config, which names every control plane from the
     * start (haproxy finds each one when it answers), mounted instead of written into it.
     */
    @SuppressWarnings("unchecked")
    private void addLoadBalancer(Map<String, Object> project, ClusterPlan plan, NodePlan balancer, String ip) {
        NodeSpec spec = LoadBalancer.spec(balancer, plan.network(), ip, Optional.empty());
        Map<String, Object> service = new LinkedHashMap<>(provider.composeService(spec, false, NETWORK_KEY));
        service.put("volumes", List.of("./" + HAPROXY_CONFIG + ":" + HaproxyConfig.PATH + ":ro"));
        ((Map<String, Object>) project.get("services")).put(balancer.name(), service);
    }

    /** A volume under its own name, not the project's prefix, as kubicle names it: the same cluster, by name. */
    private static Map<String, Object> namedVolume(ClusterPlan plan, String name) {
        Map<String, Object> volume = new LinkedHashMap<>();
        volume.put("name", name);
        volume.put("labels", Labels.ofCluster(plan.name()));
        return volume;
    }

    private static Map<String, Object> metadata(ClusterPlan plan, Map<String, String> addresses,
            String kubernetesVersion) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("cluster", plan.name());
        metadata.put("kubernetesVersion", kubernetesVersion);
        metadata.put("controlPlaneEndpoint", plan.controlPlaneEndpoint());
        metadata.put("kubeconfig", KUBECONFIG);
        metadata.put("podSubnet", plan.config().networking().podSubnet());
        metadata.put("serviceSubnet", plan.config().networking().serviceSubnet());
        List<Map<String, String>> nodes = new ArrayList<>();
        for (NodePlan node : plan.nodes()) {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("name", node.name());
            entry.put("role", node.role().label());
            entry.put("ip", addresses.get(node.name()));
            plan.podRange(node).ifPresent(range -> entry.put("podCIDR", range));
            nodes.add(entry);
        }
        metadata.put("nodes", nodes);
        return metadata;
    }

    private static String yaml(Map<String, Object> project) {
        ObjectNode document = new ObjectMapper().valueToTree(project);
        return FaithfulYamlWriter.write(document, yaml -> YamlTrees.readAll(yaml).get(0).equals(document),
                "Compose file");
    }

    private static void copyResource(String name, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try (InputStream in = ComposeExport.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("kubicle's jar lacks " + RESOURCES + name);
            }
            Files.write(target, in.readAllBytes());
        }
        boolean executable = !name.endsWith(".service");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
    }

    private static void writePrivate(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
}
