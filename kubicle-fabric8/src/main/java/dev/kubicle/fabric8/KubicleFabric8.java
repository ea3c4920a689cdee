package dev.kubicle.fabric8;

import dev.kubicle.api.ClusterHandle;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/**
 * fabric8 Kubernetes clients for kubicle clusters, made from the cluster's admin kubeconfig:
 * <pre>{@code
 * try (KubernetesClient client = KubicleFabric8.client(cluster)) {
 *     client.nodes().list();
 * }
 * }</pre>
 * The kubeconfig is read as it is; neither {@code ~/.kube/config} nor {@code $KUBECONFIG} is consulted, so a test's
 * client never talks to another cluster. The caller closes the client.
 */
public final class KubicleFabric8 {
    private KubicleFabric8() {
    }

    /**
     * @param cluster a running cluster
     * @return a new client for the cluster's API server, as its admin, in the {@code default} namespace
     */
    public static KubernetesClient client(ClusterHandle cluster) {
        return new KubernetesClientBuilder().withConfig(config(cluster)).build();
    }

    /**
     * For callers that set more on the client (timeouts, a namespace) before they build it.
     *
     * @param cluster a running cluster
     * @return the client configuration of the cluster's admin kubeconfig
     */
    public static Config config(ClusterHandle cluster) {
        return Config.fromKubeconfig(cluster.kubeconfigYaml());
    }
}
