package dev.kubicle.cluster.internal;

import dev.kubicle.config.Cluster;
import dev.kubicle.config.ConfigLoader;
import dev.kubicle.config.ConfigPrinter;
import dev.kubicle.provider.ExecResult;
import dev.kubicle.provider.Provider;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The config a cluster was created from, as create resolved it, kept in every node's volume. Nodes made later (added
 * to the cluster, or made again from their volume) take the cluster's kubeadm and containerd patches from it, so
 * that they are configured as the nodes create made; without it they would silently lack what the patches say.
 */
public final class ClusterConfigRecord {
    /** Under /var, which is the node's volume. */
    public static final String PATH = "/var/lib/kubicle/cluster-config.yaml";

    private ClusterConfigRecord() {
    }

    public static void write(Provider provider, String node, Cluster config) {
        provider.writeFile(node, PATH, ConfigPrinter.toYaml(config).getBytes(StandardCharsets.UTF_8), 0644);
    }

    /** The node's record, or empty where the cluster was made by a kubicle that kept none (or an empty one). */
    public static Optional<Cluster> read(NodeCommands commands, String node) {
        ExecResult result = commands.attempt(node, "cat", PATH);
        if (!result.ok() || result.stdout().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(ConfigLoader.parse(result.stdout(), node + ":" + PATH));
    }
}
