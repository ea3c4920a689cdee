package dev.kubicle.cluster.internal.compose;

import dev.kubicle.cluster.ClusterPlan;
import dev.kubicle.cluster.NodePlan;
import dev.kubicle.cluster.NodeRole;
import dev.kubicle.cluster.internal.ApiServerExposure;
import dev.kubicle.cluster.internal.KubeletResources;
import dev.kubicle.cluster.internal.PodRoutes;
import dev.kubicle.cluster.internal.kubeadm.NodeKubeadmConfig;
import dev.kubicle.kubeadm.JoinSecrets;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one node's bootstrap script (resource {@code bootstrap}) reads from {@code nodes/<node>/}: its kubeadm
 * config, what it does (init or join, and after which control plane), its pod network, for the first control
 * plane what it hands the others and the user, and for a node with resource limits what sizes its kubelet to them. Rendered from the same plan and by the same code as kubicle's
 * create, so that the cluster is the same.
 *
 * @param addresses every node's address on the cluster network, by name
 */
record NodeBootstrapFiles(ClusterPlan plan, Map<String, String> addresses, String kubernetesVersion,
                          JoinSecrets secrets) {
    /** Written for cgroup v1 hosts; kubelets on cgroup v2 hosts ignore the setting, so the file works on both. */
    private static final boolean CGROUP_V1 = true;

    /** File name to content. */
    Map<String, String> of(NodePlan node) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("kubeadm.conf", NodeKubeadmConfig.render(plan, node, addresses.get(node.name()), kubernetesVersion,
                CGROUP_V1, secrets));
        files.put("node.env", environment(node));
        Map<String, String> ranges = podRanges();
        files.put("pod-routes", PodRoutes.routesOf(node.name(), ranges, addresses));
        if (node == plan.bootstrapControlPlane()) {
            files.put("pod-ranges", plan.nodes().stream().filter(other -> other != node && ranges.containsKey(
                    other.name())).map(other -> other.name() + " " + ranges.get(other.name()) + "\n")
                    .collect(Collectors.joining()));
        }
        if (!node.resources().isEmpty()) {
            // The Compose entrypoint installs them where kubicle's create writes them (KubeletResources).
            files.put("kubelet-resources", new String(KubeletResources.script(), StandardCharsets.UTF_8));
            files.put("kubelet-resources.conf", new String(KubeletResources.dropIn(), StandardCharsets.UTF_8));
        }
        return files;
    }

    private String environment(NodePlan node) {
        Map<String, String> variables = new LinkedHashMap<>();
        boolean bootstrap = node == plan.bootstrapControlPlane();
        variables.put("NODE_JOB", bootstrap ? "init" : "join");
        variables.put("ENDPOINT", plan.controlPlaneEndpoint());
        variables.put("POD_SUBNET", plan.config().networking().podSubnet());
        plan.podRange(node).ifPresent(range -> variables.put("POD_RANGE", range));
        if (bootstrap) {
            var networking = plan.config().networking();
            variables.put("HOST_SERVER", "https://" + ApiServerExposure.reachedAt(networking.apiServerAddress())
                    + ":" + networking.apiServerPort());
            variables.put("SINGLE_NODE", Boolean.toString(plan.nodes().size() == 1));
            variables.put("DEFAULT_CNI", Boolean.toString(!Boolean.TRUE.equals(networking.disableDefaultCNI())));
            // Control planes that join fetch the cluster's keys, which init uploads with the config's key.
            variables.put("UPLOAD_CERTS", Boolean.toString(plan.loadBalancer().isPresent()));
        } else if (node.role() == NodeRole.CONTROL_PLANE) {
            List<NodePlan> controlPlanes = plan.nodes(NodeRole.CONTROL_PLANE);
            variables.put("JOIN_AFTER", controlPlanes.get(controlPlanes.indexOf(node) - 1).name());
        }
        return variables.entrySet().stream().map(variable -> variable.getKey() + "=" + variable.getValue() + "\n")
                .collect(Collectors.joining());
    }

    private Map<String, String> podRanges() {
        Map<String, String> ranges = new LinkedHashMap<>();
        plan.nodes().forEach(node -> plan.podRange(node).ifPresent(range -> ranges.put(node.name(), range)));
        return ranges;
    }
}
