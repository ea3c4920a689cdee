package dev.kubicle.cluster.internal.lifecycle;

import dev.kubicle.cluster.internal.Action;
import dev.kubicle.cluster.internal.PodRoutes;
import dev.kubicle.cluster.internal.kubeadm.Kubectl;
import dev.kubicle.provider.ExecResult;
import dev.kubicle.provider.NodeInfo;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Routes pods between the nodes before the cluster is handed back (see {@link PodRoutes}): a started node has a new
 * network namespace without its routes, and its kubicle-cni pod may start after its pods do. The pod CIDRs and
 * addresses are the cluster's own (its Node objects); clusters without kubicle's pod network are left alone.
 */
final class RoutePodsAction implements Action<LifecycleContext> {
    private static final String POD_SUBNET = "{.spec.template.spec.containers[0].env[?(@.name==\"POD_SUBNET\")]"
            + ".value}";
    private static final String NODES = "{range .items[*]}{.metadata.name} {.spec.podCIDR} "
            + "{.status.addresses[?(@.type==\"InternalIP\")].address}{\"\\n\"}{end}";

    @Override
    public String title() {
        return "Routing pods between nodes 🛣️";
    }

    @Override
    public void execute(LifecycleContext context) throws InterruptedException {
        String controlPlane = ControlPlanes.anyRunning(context);
        ExecResult subnet = context.commands().attempt(controlPlane, Kubectl.command("get", "daemonset",
                "kubicle-cni", "--namespace", "kube-system", "-o", "jsonpath=" + POD_SUBNET));
        if (!subnet.ok() || subnet.stdout().isBlank()) {
            context.progress().detail("the cluster does not run kubicle's pod network: its own CNI routes pods");
            return;
        }
        Set<String> running = context.containers().stream().filter(NodeInfo::running).map(NodeInfo::name)
                .collect(Collectors.toSet());
        Map<String, String> ranges = new HashMap<>();
        Map<String, String> addresses = new HashMap<>();
        for (String line : context.commands().run(controlPlane, Kubectl.command("get", "nodes", "-o",
                "jsonpath=" + NODES)).lines().toList()) {
            String[] fields = line.strip().split(" +");
            if (fields.length == 3 && running.contains(fields[0])) {
                ranges.put(fields[0], fields[1]);
                addresses.put(fields[0], fields[2]);
            }
        }
        PodRoutes.program(context.commands(), context.parallel(), subnet.stdout().strip(), ranges, addresses);
    }
}
