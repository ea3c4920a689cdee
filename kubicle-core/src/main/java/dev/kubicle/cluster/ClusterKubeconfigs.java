package dev.kubicle.cluster;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.cluster.internal.ApiServerExposure;
import dev.kubicle.cluster.internal.kubeadm.Kubectl;
import dev.kubicle.kubeconfig.ApiServerAddress;
import dev.kubicle.kubeconfig.Kubeconfig;
import dev.kubicle.kubeconfig.KubeconfigFiles;
import dev.kubicle.kubeconfig.KubeconfigRewriter;
import dev.kubicle.provider.ExecRequest;
import dev.kubicle.provider.ExecResult;
import dev.kubicle.provider.NodeInfo;
import dev.kubicle.provider.PortSpec;
import dev.kubicle.provider.Provider;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * A cluster's admin kubeconfig, read from its first control plane and pointed at the address kubectl reaches the
 * API server at: the port published on the host, or, with {@code internal}, the node's name on the cluster's network.
 */
public final class ClusterKubeconfigs {
    private final Provider provider;

    public ClusterKubeconfigs(Provider provider) {
        this.provider = provider;
    }

    public Kubeconfig get(String cluster, boolean internal) {
        List<NodeInfo> containers = provider.listNodes(Labels.ofCluster(cluster));
        if (containers.isEmpty()) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE, "no cluster named \"" + cluster
                    + "\"; see 'kubicle get clusters'");
        }
        NodeInfo controlPlane = containers.stream().filter(node -> hasRole(node, NodeRole.CONTROL_PLANE))
                .filter(NodeInfo::running).min(Comparator.comparing(NodeInfo::name))
                .orElseThrow(() -> new KubicleException(ExitCode.UNEXPECTED_STATE, "cluster \"" + cluster
                        + "\" has no running control-plane node"));
        NodeInfo publisher = containers.stream().filter(node -> hasRole(node, NodeRole.LOAD_BALANCER)).findFirst()
                .orElse(controlPlane);
        ExecResult admin = provider.exec(controlPlane.name(), ExecRequest.of("cat", Kubectl.ADMIN_CONF));
        if (!admin.ok()) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE, "node " + controlPlane.name() + " has no "
                    + Kubectl.ADMIN_CONF + ": Kubernetes was never set up on cluster \"" + cluster + "\"");
        }
        ApiServerAddress address = internal ? ApiServerAddress.internal(publisher.name()) : published(publisher);
        return KubeconfigRewriter.rewrite(admin.stdout(), cluster, address);
    }

    /**
     * Merges the cluster's kubeconfig into the file kubectl writes to ($KUBECONFIG's first file or ~/.kube/config)
     * and makes it the current context.
     *
     * @return the file written
     */
    public Path export(String cluster, KubeconfigFiles files) {
        Path file = files.fileToWrite();
        files.merge(file, get(cluster, false));
        return file;
    }

    private static ApiServerAddress published(NodeInfo publisher) {
        PortSpec port = ClusterPlanner.publishedApiServerPort(publisher);
        return ApiServerAddress.external(ApiServerExposure.reachedAt(port.listenAddress()), port.hostPort());
    }

    private static boolean hasRole(NodeInfo node, NodeRole role) {
        return role.label().equals(node.labels().get(Labels.ROLE));
    }
}
