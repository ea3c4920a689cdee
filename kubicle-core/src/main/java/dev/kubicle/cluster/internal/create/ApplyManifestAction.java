package dev.kubicle.cluster.internal.create;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.cluster.ClusterPlan;
import dev.kubicle.cluster.internal.Action;
import dev.kubicle.cluster.internal.ActionContext;
import dev.kubicle.cluster.internal.kubeadm.Kubectl;
import dev.kubicle.provider.ExecResult;

import java.util.function.BiFunction;

/**
 * Applies one of the manifests a node image carries under /kind/manifests, as kind does: the default CNI, made ready
 * by {@link CniManifest}, and the default StorageClass, as it is.
 */
public final class ApplyManifestAction implements Action {
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

    private final String title;
    private final String path;
    private final BiFunction<String, ClusterPlan, String> prepare;
    private final String fallback;

    /** @param fallback applied when the image lacks the manifest; null when the manifest is required */
    private ApplyManifestAction(String title, String path, BiFunction<String, ClusterPlan, String> prepare,
            String fallback) {
        this.title = title;
        this.path = path;
        this.prepare = prepare;
        this.fallback = fallback;
    }

    public static ApplyManifestAction cni() {
        return new ApplyManifestAction("Installing CNI 🔌", "/kind/manifests/default-cni.yaml",
                (manifest, plan) -> CniManifest.prepare(manifest, plan.config().networking().podSubnet(),
                        plan.controlPlaneEndpoint()), null);
    }

    public static ApplyManifestAction storage() {
        return new ApplyManifestAction("Installing StorageClass 💾", "/kind/manifests/default-storage.yaml",
                (manifest, plan) -> manifest, HOST_PATH_STORAGE);
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public void execute(ActionContext context) {
        String node = context.plan().bootstrapControlPlane().name();
        ExecResult read = context.commands().attempt(node, "cat", path);
        String manifest;
        if (read.ok()) {
            manifest = prepare.apply(read.stdout(), context.plan());
        } else if (fallback != null) {
            context.progress().detail("the node image has no " + path + "; applying a hostPath StorageClass");
            manifest = fallback;
        } else {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE, "the node image has no " + path + "; use an "
                    + "image made by 'kubicle build node-image' or kind, or set networking.disableDefaultCNI "
                    + "and install a CNI yourself");
        }
        context.commands().runWithInput(node, manifest, Kubectl.command("apply", "-f", "-"));
    }
}
