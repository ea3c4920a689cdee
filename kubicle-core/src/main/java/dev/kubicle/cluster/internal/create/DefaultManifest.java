package dev.kubicle.cluster.internal.create;

import dev.kubicle.cluster.ClusterPlan;

import java.util.function.BiFunction;

/**
 * One of the manifests a node image carries under /kind/manifests, as kind applies them: the default CNI, made ready
 * by {@link CniManifest}, and the default StorageClass, as it is.
 *
 * @param fallback applied when the image lacks the manifest; null when the manifest is required
 */
record DefaultManifest(String title, String path, BiFunction<String, ClusterPlan, String> prepare, String fallback) {
    /**
     * What kind applies when an image has no storage manifest (its images before local-path-provisioner): a default
     * class on the in-tree hostPath provisioner, which the controller manager runs with --enable-hostpath-provisioner.
     */
    static final String HOST_PATH_STORAGE = """
            apiVersion: storage.k8s.io/v1
            kind: StorageClass
            metadata:
              name: standard
              annotations:
                storageclass.kubernetes.io/is-default-class: "true"
            provisioner: kubernetes.io/host-path
            """;

    static final DefaultManifest CNI = new DefaultManifest("CNI 🔌", "/kind/manifests/default-cni.yaml",
            (manifest, plan) -> CniManifest.prepare(manifest, plan.config().networking().podSubnet(),
                    plan.controlPlaneEndpoint()), null);

    static final DefaultManifest STORAGE = new DefaultManifest("StorageClass 💾",
            "/kind/manifests/default-storage.yaml", (manifest, plan) -> manifest, HOST_PATH_STORAGE);
}
