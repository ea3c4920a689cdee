package dev.kubicle.cluster.internal.create;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.cluster.internal.Action;
import dev.kubicle.cluster.internal.ActionContext;
import dev.kubicle.cluster.internal.kubeadm.Kubectl;
import dev.kubicle.provider.ExecResult;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies one of the manifests a node image carries under /kind/manifests (the default CNI and StorageClass, as in
 * kind's images), filling in the fields kind's manifests are templated with.
 */
public final class ApplyManifestAction implements Action {
    /** kind's template fields, written {@code {{ .PodSubnet }}}; spaces inside the braces are optional. */
    private static final Pattern FIELD = Pattern.compile("\\{\\{-?\\s*\\.(\\w+)\\s*-?}}");

    private final String title;
    private final String path;
    private final boolean required;

    private ApplyManifestAction(String title, String path, boolean required) {
        this.title = title;
        this.path = path;
        this.required = required;
    }

    public static ApplyManifestAction cni() {
        return new ApplyManifestAction("Installing CNI 🔌", "/kind/manifests/default-cni.yaml", true);
    }

    /** Images without a storage manifest still make a cluster, as with kind, only without a default class. */
    public static ApplyManifestAction storage() {
        return new ApplyManifestAction("Installing StorageClass 💾", "/kind/manifests/default-storage.yaml", false);
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public void execute(ActionContext context) {
        String node = context.plan().bootstrapControlPlane().name();
        ExecResult read = context.commands().attempt(node, "cat", path);
        if (!read.ok()) {
            if (required) {
                throw new KubicleException(ExitCode.UNEXPECTED_STATE, "the node image has no " + path + "; use an "
                        + "image made by 'kubicle build node-image' or kind, or set networking.disableDefaultCNI "
                        + "and install a CNI yourself");
            }
            context.progress().detail("the node image has no " + path + "; skipped");
            return;
        }
        String manifest = fill(read.stdout(), Map.of("PodSubnet", context.plan().config().networking().podSubnet()));
        context.commands().runWithInput(node, manifest, Kubectl.command("apply", "-f", "-"));
    }

    static String fill(String template, Map<String, String> values) {
        Matcher field = FIELD.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (field.find()) {
            String value = values.get(field.group(1));
            if (value == null) {
                throw new KubicleException(ExitCode.UNEXPECTED_STATE, "the node image's manifest asks for "
                        + field.group() + ", which kubicle does not know");
            }
            field.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        field.appendTail(filled);
        return filled.toString();
    }
}
