package dev.kubicle.cluster.internal.lifecycle;

import dev.kubicle.cluster.internal.Action;
import dev.kubicle.cluster.internal.PodNetwork;
import dev.kubicle.cluster.internal.PodRoutes;
import dev.kubicle.provider.NodeInfo;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Routes pods between the nodes before the cluster is handed back (see {@link PodRoutes}): a started node has a new
 * network namespace without its routes, a new node has none yet, and its kubicle-cni pod may start after its pods
 * do. The pod CIDRs and addresses are the cluster's own (its Node objects); clusters without kubicle's pod network
 * are left alone.
 */
public final class RoutePodsAction implements Action<LifecycleContext> {

    @Override
    public String title() {
        return "Routing pods between nodes 🛣️";
    }

    @Override
    public void execute(LifecycleContext context) throws InterruptedException {
        String controlPlane = ControlPlanes.anyRunning(context);
        Optional<String> subnet = PodNetwork.kubicleSubnet(context.commands(), controlPlane);
        if (subnet.isEmpty()) {
            context.progress().detail("the cluster does not run kubicle's pod network: its own CNI routes pods");
            return;
        }
        Set<String> running = context.containers().stream().filter(NodeInfo::running).map(NodeInfo::name)
                .collect(Collectors.toSet());
        Map<String, String> ranges = new HashMap<>();
        Map<String, String> addresses = new HashMap<>();
        for (PodNetwork.NodeRange node : PodNetwork.nodes(context.commands(), controlPlane)) {
            if (node.routable() && running.contains(node.node())) {
                ranges.put(node.node(), node.podCidr());
                addresses.put(node.node(), node.address());
            }
        }
        PodRoutes.program(context.commands(), context.parallel(), subnet.get(),
                PodNetwork.serviceSubnets(context.commands(), controlPlane), ranges, addresses);
    }
}
