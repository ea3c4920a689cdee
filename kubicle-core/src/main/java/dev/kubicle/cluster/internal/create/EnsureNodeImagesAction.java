package dev.kubicle.cluster.internal.create;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.cluster.NodeImageBuilder;
import dev.kubicle.cluster.NodePlan;
import dev.kubicle.cluster.internal.Action;
import dev.kubicle.cluster.internal.ActionContext;

import java.util.List;

/** Makes sure every node image is present, building the ones kubicle can build offline when allowed. */
public final class EnsureNodeImagesAction implements Action<ActionContext> {
    private final List<String> images;
    private final NodeImageBuilder builder;
    private final boolean buildAllowed;

    public EnsureNodeImagesAction(List<NodePlan> nodes, NodeImageBuilder builder, boolean buildAllowed) {
        this.images = nodes.stream().map(NodePlan::image).distinct().toList();
        this.builder = builder;
        this.buildAllowed = buildAllowed;
    }

    @Override
    public String title() {
        return "Ensuring node image (" + String.join(", ", images) + ") 🖼";
    }

    @Override
    public void execute(ActionContext context) {
        for (String image : images) {
            if (buildAllowed && builder.canBuild(image)) {
                // The builder knows whether its image is current: asking it costs little when it is.
                builder.build(image, context.provider(), context.progress());
            } else if (!context.provider().imageExists(image)) {
                pull(context, image);
            }
        }
    }

    /** kind's published images (kindest/node) come from their registry when one is reachable. */
    private void pull(ActionContext context, String image) {
        context.progress().detail("pulling " + image);
        try {
            context.provider().pullImage(image);
        } catch (KubicleException e) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE, missingImageMessage(image), e.getMessage(), e);
        }
    }

    private String missingImageMessage(String image) {
        if (builder.canBuild(image)) {
            return "node image " + image + " is not on the engine; build it with 'kubicle build node-image' "
                    + "or drop --no-build";
        }
        return "node image " + image + " is not on the engine and cannot be pulled; load it with 'docker load', "
                + "or use an image 'kubicle build node-image' makes (-v shows the engine's reason)";
    }
}
