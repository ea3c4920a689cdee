package dev.kubicle.cluster.internal.create;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.cluster.ClusterPlan;
import dev.kubicle.cluster.NodePlan;
import dev.kubicle.cluster.internal.Action;
import dev.kubicle.cluster.internal.ActionContext;
import dev.kubicle.cluster.internal.ClusterConfigRecord;
import dev.kubicle.cluster.internal.NodeCommands;
import dev.kubicle.cluster.internal.PodNetwork;
import dev.kubicle.cluster.internal.PodRoutes;
import dev.kubicle.cluster.internal.kubeadm.NodeFacts;
import dev.kubicle.cluster.internal.kubeadm.NodeKubeadmConfig;
import dev.kubicle.kubeadm.JoinSecrets;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders each node's kubeadm config (with the user's patches) and writes it to {@link #PATH}, where kind's images
 * and tools expect it, beside the cluster's config for nodes made later (see {@link ClusterConfigRecord}). The
 * Kubernetes version and the host's cgroup version are read from the bootstrap node once.
 * The cluster's join secrets are made here, once per create: init and every join read them from these files.
 * Where kubicle chooses the nodes' pod CIDRs, a kubicle node image also gets its CNI config and its routes to the
 * other nodes' pods now, before any kubelet runs (see {@link PodRoutes}).
 */
public final class WriteKubeadmConfigAction implements Action<ActionContext> {
    public static final String PATH = "/kind/kubeadm.conf";

    @Override
    public String title() {
        return "Writing configuration 📜";
    }

    @Override
    public void execute(ActionContext context) throws InterruptedException {
        ClusterPlan plan = context.plan();
        NodePlan bootstrap = plan.bootstrapControlPlane();
        if (plan.config().networking().kubeProxyMode().equals("ipvs")) {
            requireIpvs(context.commands(), bootstrap.name());
        }
        String version = NodeFacts.kubernetesVersion(context.commands(), bootstrap.name());
        boolean cgroupV1 = NodeFacts.cgroupV1(context.commands(), bootstrap.name());
        JoinSecrets secrets = JoinSecrets.generate();
        context.progress().detail("Kubernetes " + version + (cgroupV1 ? " on cgroup v1" : " on cgroup v2"));
        Map<String, String> addresses = new ConcurrentHashMap<>();
        context.parallel().forEach(plan.nodes(), node -> {
            String ip = NodeFacts.ip(context.provider(), node.name(), plan.config().networking().ipFamily());
            addresses.put(node.name(), ip);
            String config = NodeKubeadmConfig.render(plan, node, ip, version, cgroupV1, secrets);
            context.provider().writeFile(node.name(), PATH, config.getBytes(StandardCharsets.UTF_8), 0644);
            ClusterConfigRecord.write(context.provider(), node.name(), plan.config());
            plan.podRange(node).ifPresent(range -> PodNetwork.seedCniConfig(context.commands(), node.name(), range));
        });
        Map<String, String> ranges = new HashMap<>();
        plan.nodes().forEach(node -> plan.podRange(node).ifPresent(range -> ranges.put(node.name(), range)));
        if (!ranges.isEmpty()) {
            PodRoutes.program(context.commands(), context.parallel(), plan.config().networking().podSubnet(),
                    plan.config().networking().serviceSubnet(), ranges, addresses);
        }
    }

    /**
     * kube-proxy in IPVS mode needs the kernel's IP_VS, built in (then /proc shows it) or as a module the node can
     * load. Without it kube-proxy fails only after the cluster looks ready, and every Service is dead.
     */
    private static void requireIpvs(NodeCommands commands, String node) {
        if (!commands.attempt(node, "sh", "-c", "[ -d /proc/sys/net/ipv4/vs ] || modprobe -n ip_vs 2>/dev/null").ok()) {
            throw new KubicleException(ExitCode.INVALID_INPUT, "networking.kubeProxyMode: ipvs needs IPVS in the "
                    + "kernel (CONFIG_IP_VS), which the engine's host lacks; use iptables or nftables");
        }
    }
}
