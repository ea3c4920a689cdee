package dev.kubicle.cluster.internal.nodes;

import dev.kubicle.cluster.NodeRole;
import dev.kubicle.config.Cluster;
import dev.kubicle.cluster.internal.Action;
import dev.kubicle.cluster.internal.ClusterConfigRecord;
import dev.kubicle.cluster.internal.NodeCommands;
import dev.kubicle.cluster.internal.PodNetwork;
import dev.kubicle.cluster.internal.create.WriteKubeadmConfigAction;
import dev.kubicle.cluster.internal.kubeadm.DiscoveryKubeconfig;
import dev.kubicle.cluster.internal.kubeadm.KubeadmRun;
import dev.kubicle.cluster.internal.kubeadm.NodeFacts;
import dev.kubicle.cluster.internal.lifecycle.ControlPlanes;
import dev.kubicle.cluster.internal.lifecycle.LifecycleContext;
import dev.kubicle.kubeadm.JoinSecrets;
import dev.kubicle.kubeadm.KubeadmConfigInput;
import dev.kubicle.kubeadm.KubeadmConfigRenderer;
import dev.kubicle.kubeadm.KubeadmPatches;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Writes the new node's kubeadm config and discovery file as create writes a joining node's, from the cluster's own
 * settings: file discovery with the cluster's CA, a bootstrap token made for this join (kubicle does not know the
 * cluster's, which may have expired), and for a control plane a fresh certificate key under which a running control
 * plane uploads the cluster's shared keys first. The cluster-wide kubeadm patches of the config the cluster was made
 * from apply as they did at create (see {@link ClusterConfigRecord}). With kubicle's pod network the node's CNI
 * config is written too, before its kubelet starts.
 */
final class WriteJoinConfigAction implements Action<LifecycleContext> {
    /** Long enough for the join that follows; a token left over expires soon after. */
    private static final String TOKEN_TTL = "15m";
    private static final String UPLOAD_CONFIG = "/kind/kubeadm-upload-certs.conf";

    private final NodeAddition addition;

    WriteJoinConfigAction(NodeAddition addition) {
        this.addition = addition;
    }

    @Override
    public String title() {
        return "Writing configuration 📜";
    }

    @Override
    public void execute(LifecycleContext context) {
        String node = addition.name();
        NodeCommands commands = context.commands();
        // Not the new node: a control plane's container runs before it has joined.
        String controlPlane = ControlPlanes.anyRunningExcept(context, node);
        ClusterSettings settings = addition.settings();
        // The token is the cluster's own, made for this join; the certificate key is this join's alone.
        JoinSecrets secrets = new JoinSecrets(commands.run(controlPlane, "kubeadm", "token", "create", "--ttl",
                TOKEN_TTL).strip(), JoinSecrets.generate().certificateKey());
        boolean controlPlaneRole = addition.node().role() == NodeRole.CONTROL_PLANE;
        if (controlPlaneRole) {
            uploadCertificates(context, controlPlane, secrets.certificateKey());
        }
        KubeadmConfigInput input = new KubeadmConfigInput(settings.clusterName(),
                NodeFacts.kubernetesVersion(commands, node), settings.controlPlaneEndpoint(), node,
                NodeFacts.ip(context.provider(), node, settings.ipFamily()),
                controlPlaneRole ? KubeadmConfigInput.Role.CONTROL_PLANE : KubeadmConfigInput.Role.WORKER, false,
                addition.apiServerAddress(), settings.podSubnet(), settings.serviceSubnet(), settings.ipFamily(),
                settings.kubeProxyMode(), settings.featureGates(), settings.runtimeConfig(),
                addition.node().config().labels(), NodeFacts.cgroupV1(commands, node),
                KubeadmConfigInput.DEFAULT_CGROUP_DRIVER, secrets.bootstrapToken(), secrets.certificateKey(),
                settings.podRangesByKubicle());
        Optional<Cluster> config = ClusterConfigRecord.read(commands, controlPlane);
        // The cluster's own patches, not a node's: those were for the nodes create made.
        List<KubeadmPatches> patches = config.map(cluster -> List.of(KubeadmPatches.ofCluster(cluster)))
                .orElse(List.of());
        context.provider().writeFile(node, WriteKubeadmConfigAction.PATH,
                KubeadmConfigRenderer.render(input, patches).getBytes(StandardCharsets.UTF_8), 0644);
        config.ifPresent(cluster -> ClusterConfigRecord.write(context.provider(), node, cluster));
        context.provider().writeFile(node, KubeadmConfigInput.DISCOVERY_KUBECONFIG, DiscoveryKubeconfig.of(commands,
                controlPlane, settings.controlPlaneEndpoint()).getBytes(StandardCharsets.UTF_8), 0600);
        addition.podRange().ifPresent(range -> PodNetwork.seedCniConfig(commands, node, range));
    }

    /**
     * Has a running control plane store the cluster's CAs and service account key in the cluster, encrypted with the
     * key, for the new control plane's join to fetch. The cluster's own ClusterConfiguration goes with the key:
     * without one, kubeadm would make up a default and look a Kubernetes version up on the internet for it. The file
     * holds the key, so it goes once used.
     */
    private void uploadCertificates(LifecycleContext context, String controlPlane, String certificateKey) {
        ClusterSettings settings = addition.settings();
        String config = "apiVersion: " + settings.kubeadmApiVersion() + "\nkind: InitConfiguration\n"
                + "certificateKey: " + certificateKey + "\n---\n" + settings.clusterConfiguration();
        context.provider().writeFile(controlPlane, UPLOAD_CONFIG, config.getBytes(StandardCharsets.UTF_8), 0600);
        try {
            KubeadmRun.run(context.commands(), context.progress(), controlPlane, "upload-certs",
                    "init phase upload-certs --upload-certs --skip-certificate-key-print --config=" + UPLOAD_CONFIG);
        } finally {
            context.commands().attempt(controlPlane, "rm", "-f", UPLOAD_CONFIG);
        }
    }
}
