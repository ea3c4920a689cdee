package dev.kubicle.cluster.internal.nodes;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.cluster.ClusterPlanner;
import dev.kubicle.cluster.Labels;
import dev.kubicle.cluster.NodeOptions;
import dev.kubicle.cluster.NodePlan;
import dev.kubicle.cluster.NodeRole;
import dev.kubicle.cluster.internal.NodeAddresses;
import dev.kubicle.cluster.internal.PodNetwork;
import dev.kubicle.cluster.internal.lifecycle.ControlPlanes;
import dev.kubicle.cluster.internal.lifecycle.LifecycleContext;
import dev.kubicle.config.ConfigValidator;
import dev.kubicle.config.Node;
import dev.kubicle.config.NodePodRanges;
import dev.kubicle.provider.HostCapacity;
import dev.kubicle.provider.NetworkInfo;
import dev.kubicle.provider.NodeInfo;
import dev.kubicle.provider.PortSpec;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Works out a node to add from the cluster as the engine and its API server show it (see {@link KnownNodes}), and
 * refuses what cannot work before anything is made.
 */
final class NodeAdditionPlanner {
    private static final String PUBLISHED_API_SERVER_DEFAULT = "127.0.0.1";

    private NodeAdditionPlanner() {
    }

    static NodeAddition plan(LifecycleContext context, NodeOptions options) {
        ConfigValidator.validateNodeLabels(options.labels(), "--labels");
        context.requireExists();
        String cluster = context.cluster();
        NodeRole role = options.role();
        if (options.resources() != null) {
            HostCapacity host = context.provider().hostCapacity();
            ConfigValidator.validateNodeResources(options.resources(), role == NodeRole.CONTROL_PLANE, host.cpus(),
                    host.memoryBytes());
        }
        KnownNodes known = KnownNodes.of(context);
        boolean balanced = !known.names(NodeRole.LOAD_BALANCER).isEmpty();
        if (role == NodeRole.CONTROL_PLANE && !balanced) {
            // Its control plane's own name is the API server's endpoint in every certificate and kubeconfig, and it
            // runs its controllers without leader election: a second one would have nothing in front of both.
            throw new KubicleException(ExitCode.INVALID_INPUT, "cluster \"" + cluster + "\" has one control plane "
                    + "and no load balancer, so it cannot gain control planes; create the cluster with two or more "
                    + "control planes to be able to add more");
        }
        NetworkInfo network = context.provider().network(ClusterPlanner.networkName(cluster))
                .orElseThrow(() -> new KubicleException(ExitCode.UNEXPECTED_STATE, "cluster \"" + cluster + "\" has "
                        + "no network; start it with 'kubicle start cluster --name " + cluster + "'"));
        NodeAddresses addresses = new NodeAddresses(network.subnet(), network.gateway(), known.addresses());
        String ip = options.ip() == null ? addresses.assign(Optional.empty()) : addresses.claim(options.ip());
        // --ip names the IPv4 address; on a network with IPv6 the node's IPv6 one is the lowest free.
        Optional<String> ipv6 = network.ipv6Subnet().isEmpty() ? Optional.empty()
                : Optional.of(new NodeAddresses(network.ipv6Subnet(), network.ipv6Gateway(), known.ipv6Addresses())
                        .assign(Optional.empty()));
        String image = Optional.ofNullable(options.image()).or(() -> known.image(role))
                .orElseThrow(() -> new KubicleException(ExitCode.INVALID_INPUT, "cluster \"" + cluster + "\" has no "
                        + "node whose image a new node could take; name one with --image"));
        if (!context.provider().imageExists(image)) {
            throw new KubicleException(ExitCode.INVALID_INPUT, "the engine has no image " + image + "; build it "
                    + "('kubicle build node-image') or load it into the engine first");
        }
        String controlPlane = ControlPlanes.anyRunning(context);
        ClusterSettings settings = ClusterSettings.read(context.commands(), controlPlane);
        Optional<String> podRange = settings.podRangesByKubicle()
                ? Optional.of(nextPodRange(context, controlPlane, settings.podSubnet())) : Optional.empty();
        String name = NodeNames.next(cluster, role, known.names());
        if (context.provider().inspectNode(name).isPresent()) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE, "a container named " + name + " exists that is "
                    + "not a node of cluster \"" + cluster + "\"; remove it, or rename it, to add the node");
        }
        Node config = new Node(role.label(), image, options.labels(), List.of(), List.of(), List.of(), List.of(), ip,
                options.resources());
        NodePlan node = new NodePlan(name, role, image, Optional.of(ip), ipv6, List.of(), List.of(),
                Labels.ofRole(cluster, role), config);
        return new NodeAddition(cluster, node, network, apiServerAddress(known.containers()), settings, podRange,
                balanced, known.dnsSearch());
    }

    /** The lowest /24 of the pod subnet that no Node object has, as kubicle numbered the nodes create made. */
    private static String nextPodRange(LifecycleContext context, String controlPlane, String podSubnet) {
        Set<String> taken = PodNetwork.nodes(context.commands(), controlPlane).stream()
                .map(PodNetwork.NodeRange::podCidr).filter(range -> !range.isEmpty()).collect(Collectors.toSet());
        return NodePodRanges.firstFree(podSubnet, taken).orElseThrow(() -> new KubicleException(
                ExitCode.UNEXPECTED_STATE, "the pod subnet " + podSubnet + " has no /24 left that no node has; "
                + "delete a node first"));
    }

    /** Where the cluster publishes its API server on the host, which the API server's certificate names. */
    private static String apiServerAddress(List<NodeInfo> containers) {
        return containers.stream().flatMap(node -> node.ports().stream())
                .filter(port -> port.containerPort() == ClusterPlanner.API_SERVER_PORT)
                .map(PortSpec::listenAddress).findFirst().orElse(PUBLISHED_API_SERVER_DEFAULT);
    }
}
