package dev.kubicle.cluster.internal.compose;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.cluster.ClusterPlan;
import dev.kubicle.cluster.NodePlan;
import dev.kubicle.config.IpFamilies;
import dev.kubicle.containerd.ContainerdConfigPatches;
import dev.kubicle.nodeimage.KubernetesNodeImageBuilder;
import dev.kubicle.provider.Provider;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a config must fix in advance to be brought up by Compose alone, where kubicle's create finds it out or
 * chooses it as it goes: the network's subnet (the nodes' addresses are written into the file), the API server's
 * host port (written into the kubeconfig the nodes hand out), and the Kubernetes version of the node images
 * (their kubeadm configs are rendered now). Each problem is one line naming the field and the fix.
 */
final class ComposeRequirements {
    private ComposeRequirements() {
    }

    /**
     * @param source where the config comes from, for messages: its file, or the cluster it was recorded in
     * @return the Kubernetes version of the cluster's node image
     */
    static String check(ClusterPlan plan, Provider provider, String source) {
        checkConfig(plan, source);
        Set<String> versions = new HashSet<>();
        for (NodePlan node : plan.nodes()) {
            versions.add(kubernetesVersion(node, provider));
        }
        if (versions.size() > 1) {
            throw refused(source, "nodes[].image", "names images of different Kubernetes versions " + versions
                    + "; use one image for every node");
        }
        plan.loadBalancer().filter(balancer -> !provider.imageExists(balancer.image())).ifPresent(balancer -> {
            throw new KubicleException(ExitCode.INVALID_INPUT, "the load balancer's image " + balancer.image()
                    + " is not in the engine; 'kubicle build node-image' builds it (its base image)");
        });
        return versions.iterator().next();
    }

    /** What the config itself must say; the first problem found is thrown. */
    static void checkConfig(ClusterPlan plan, String source) {
        if (plan.subnet().isEmpty()) {
            throw refused(source, "networking.subnet", "is not set; the nodes' fixed addresses in the Compose file need"
                    + " it: set one, e.g. subnet: 172.29.0.0/24");
        }
        if (IpFamilies.usesIpv6(plan.config().networking().ipFamily())) {
            throw refused(source, "networking.ipFamily", "is " + plan.config().networking().ipFamily() + "; 'export "
                    + "compose' writes IPv4 clusters only so far: use ipv4");
        }
        if (plan.config().networking().apiServerPort() == 0) {
            throw refused(source, "networking.apiServerPort", "is not set, and the engine would choose the host port; "
                    + "the exported kubeconfig must name it: set one, e.g. apiServerPort: 6443");
        }
        if (!ContainerdConfigPatches.of(plan.config()).isEmpty()) {
            throw refused(source, "containerdConfigPatches", "cannot be exported yet: nodes brought up by Compose run "
                    + "the image's containerd config; remove the patches");
        }
    }

    private static String kubernetesVersion(NodePlan node, Provider provider) {
        Optional<Map<String, String>> labels = provider.imageLabels(node.image());
        if (labels.isEmpty()) {
            throw new KubicleException(ExitCode.INVALID_INPUT, "node " + node.name() + ": the image " + node.image()
                    + " is not in the engine; build it first with 'kubicle build node-image' (or create a cluster "
                    + "once), since Compose cannot build it");
        }
        String version = labels.get().get(KubernetesNodeImageBuilder.KUBERNETES_VERSION_LABEL);
        if (version == null) {
            throw new KubicleException(ExitCode.INVALID_INPUT, "node " + node.name() + ": the image " + node.image()
                    + " has no " + KubernetesNodeImageBuilder.KUBERNETES_VERSION_LABEL + " label: only kubicle's "
                    + "node images bootstrap themselves; use one that 'kubicle build node-image' makes");
        }
        return version;
    }

    private static KubicleException refused(String source, String field, String problem) {
        return new KubicleException(ExitCode.INVALID_INPUT, source + ": " + field + " " + problem);
    }
}
