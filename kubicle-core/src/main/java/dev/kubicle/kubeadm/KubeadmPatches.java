package dev.kubicle.kubeadm;

import dev.kubicle.config.Cluster;
import dev.kubicle.config.Node;
import dev.kubicle.config.PatchJson6902;

import java.util.List;

/**
 * One config level's kubeadm patches: the cluster's or one node's, with where they are in the config file, so that
 * an error can point at the patch that failed.
 *
 * @param origin the YAML path of the level: empty for the cluster, {@code nodes[1]} for a node
 */
public record KubeadmPatches(String origin, List<String> mergePatches, List<PatchJson6902> jsonPatches) {

    public KubeadmPatches {
        mergePatches = List.copyOf(mergePatches);
        jsonPatches = List.copyOf(jsonPatches);
    }

    public static KubeadmPatches ofCluster(Cluster cluster) {
        return new KubeadmPatches("", cluster.kubeadmConfigPatches(), cluster.kubeadmConfigPatchesJSON6902());
    }

    /** @param index the node's position in {@code nodes} of the config file */
    public static KubeadmPatches ofNode(Node node, int index) {
        return new KubeadmPatches("nodes[" + index + "]", node.kubeadmConfigPatches(),
                node.kubeadmConfigPatchesJSON6902());
    }

    /** The order patches apply in: the cluster's first, then the node's own. */
    public static List<KubeadmPatches> forNode(Cluster cluster, Node node, int index) {
        return List.of(ofCluster(cluster), ofNode(node, index));
    }

    String mergePatchPath(int index) {
        return path("kubeadmConfigPatches", index);
    }

    String jsonPatchPath(int index) {
        return path("kubeadmConfigPatchesJSON6902", index);
    }

    private String path(String field, int index) {
        return (origin.isEmpty() ? "" : origin + ".") + field + "[" + index + "]";
    }
}
