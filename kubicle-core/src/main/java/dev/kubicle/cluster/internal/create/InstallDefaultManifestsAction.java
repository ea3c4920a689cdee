package dev.kubicle.cluster.internal.create;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.cluster.internal.Action;
import dev.kubicle.cluster.internal.ActionContext;
import dev.kubicle.cluster.internal.kubeadm.Kubectl;
import dev.kubicle.provider.ExecResult;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Applies the image's default manifests (the CNI unless the config disables it, and the StorageClass) in one
 * {@code kubectl apply}: each kubectl run costs its start and an API discovery, about half a second on a small
 * machine.
 */
public final class InstallDefaultManifestsAction implements Action<ActionContext> {
    private final List<DefaultManifest> manifests;

    private InstallDefaultManifestsAction(List<DefaultManifest> manifests) {
        this.manifests = List.copyOf(manifests);
    }

    public static InstallDefaultManifestsAction of(boolean defaultCni) {
        List<DefaultManifest> manifests = new ArrayList<>();
        if (defaultCni) {
            manifests.add(DefaultManifest.CNI);
        }
        manifests.add(DefaultManifest.STORAGE);
        return new InstallDefaultManifestsAction(manifests);
    }

    @Override
    public String title() {
        return "Installing " + manifests.stream().map(DefaultManifest::title).collect(Collectors.joining(" and "));
    }

    @Override
    public void execute(ActionContext context) {
        String node = context.plan().bootstrapControlPlane().name();
        List<String> documents = new ArrayList<>();
        for (DefaultManifest manifest : manifests) {
            documents.add(read(context, node, manifest));
        }
        context.commands().runWithInput(node, String.join("\n---\n", documents), Kubectl.command("apply", "-f", "-"));
    }

    private static String read(ActionContext context, String node, DefaultManifest manifest) {
        ExecResult read = context.commands().attempt(node, "cat", manifest.path());
        if (read.ok()) {
            return manifest.prepare().apply(read.stdout(), context.plan());
        }
        if (manifest.fallback() != null) {
            context.progress().detail("the node image has no " + manifest.path() + "; applying its fallback");
            return manifest.fallback();
        }
        throw new KubicleException(ExitCode.UNEXPECTED_STATE, "the node image has no " + manifest.path() + "; use "
                + "an image made by 'kubicle build node-image' or kind, or set networking.disableDefaultCNI and "
                + "install a CNI yourself");
    }
}
