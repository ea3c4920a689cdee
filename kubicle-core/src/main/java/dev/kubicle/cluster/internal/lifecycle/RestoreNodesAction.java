package dev.kubicle.cluster.internal.lifecycle;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.cluster.Labels;
import dev.kubicle.cluster.NodeRole;
import dev.kubicle.cluster.internal.Action;
import dev.kubicle.cluster.internal.loadbalancer.LoadBalancer;
import dev.kubicle.provider.NetworkSpec;
import dev.kubicle.provider.NodeInfo;
import dev.kubicle.provider.NodeSpec;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Makes again, from the spec recorded on its volume, every node whose container is gone (removed by hand, say): same
 * name, address, ports, mounts and image, on the same volume, so that it comes back as the same node with its
 * Kubernetes identity, pods and data. The cluster's network is made again first if it went too.
 */
final class RestoreNodesAction implements Action<LifecycleContext> {

    @Override
    public String title() {
        return "Restoring nodes from their volumes 🧩";
    }

    /** The recorded nodes that have no container now. */
    static List<NodeSpec> missing(LifecycleContext context) {
        Set<String> present = context.containers().stream().map(NodeInfo::name).collect(Collectors.toSet());
        return context.provider().recordedNodes(Labels.ofCluster(context.cluster())).stream()
                .filter(spec -> !present.contains(spec.name())).toList();
    }

    @Override
    public void execute(LifecycleContext context) throws InterruptedException {
        List<NodeSpec> missing = missing(context);
        if (missing.isEmpty()) {
            return;
        }
        ensureNetwork(context, missing.get(0));
        for (NodeSpec spec : missing) {
            if (!context.provider().imageExists(spec.image())) {
                throw new KubicleException(ExitCode.UNEXPECTED_STATE, "node " + spec.name() + " cannot be made "
                        + "again: the engine no longer has its image " + spec.image() + "; get it back ('kubicle "
                        + "build node-image' for kubicle's images, 'docker load' or 'docker pull' for others), then "
                        + "run 'kubicle start cluster --name " + context.cluster() + "' again");
            }
        }
        context.parallel().forEach(missing, spec -> {
            context.progress().detail("making node " + spec.name() + " again at " + spec.ip().orElse("?"));
            if (NodeRole.LOAD_BALANCER.label().equals(spec.labels().get(Labels.ROLE))) {
                new LoadBalancer(context.provider()).start(spec);
            } else {
                context.provider().runNode(spec);
            }
        });
    }

    private static void ensureNetwork(LifecycleContext context, NodeSpec any) {
        if (context.provider().network(any.network()).isPresent()) {
            return;
        }
        List<NodeSpec> recorded = context.provider().recordedNodes(Labels.ofCluster(context.cluster()));
        Optional<String> subnet = recordedLabel(recorded, Labels.SUBNET);
        Optional<String> ipv6Subnet = recordedLabel(recorded, Labels.IPV6_SUBNET);
        context.progress().detail("making the network " + any.network() + " again" + subnet.map(s -> " with subnet "
                + s).orElse("") + ipv6Subnet.map(s -> " and " + s).orElse(""));
        context.provider().createNetwork(new NetworkSpec(any.network(), subnet, ipv6Subnet,
                Labels.ofCluster(context.cluster())));
    }

    private static Optional<String> recordedLabel(List<NodeSpec> recorded, String label) {
        return recorded.stream().map(spec -> spec.labels().get(label)).filter(value -> value != null
                && !value.isEmpty()).findFirst();
    }
}
