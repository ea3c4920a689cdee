package dev.kubicle.nodeimage;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.cluster.NodeImageBuilder;
import dev.kubicle.progress.Progress;
import dev.kubicle.provider.Provider;

import java.io.ByteArrayInputStream;

/**
 * The node images kubicle builds offline when a create finds them missing or built from another recipe: Kubernetes
 * node images {@code kubicle/node:<Kubernetes version>}, and the base image. {@link #BASE_ALIAS} names whatever
 * base image this kubicle's recipe makes, so that a config can name a stable reference while the recipe's
 * hash-tagged image changes with the recipe.
 */
public final class OfflineNodeImages implements NodeImageBuilder {
    public static final String BASE_ALIAS = BaseImageBuilder.REPOSITORY + ":latest";
    private static final String NODE_PREFIX = KubernetesNodeImageBuilder.REPOSITORY + ":";

    @Override
    public boolean canBuild(String reference) {
        return reference.startsWith(BaseImageBuilder.REPOSITORY + ":") || reference.startsWith(NODE_PREFIX)
                && KubernetesNodeImageBuilder.isKubernetesVersion(reference.substring(NODE_PREFIX.length()));
    }

    @Override
    public void build(String reference, Provider provider, Progress progress) {
        if (reference.startsWith(NODE_PREFIX)) {
            new KubernetesNodeImageBuilder(provider, new StepsAsDetails(progress))
                    .build(reference.substring(NODE_PREFIX.length()), reference);
            return;
        }
        BaseImageBuilder builder = BaseImageBuilder.of(provider, progress::detail);
        String built = builder.ensure();
        if (BASE_ALIAS.equals(reference)) {
            // A FROM-only build is a tag that the Provider interface needs no extra call for; it takes a blink.
            provider.buildImage(new ByteArrayInputStream(DockerfileContext.of("FROM " + built + "\n")), reference);
        } else if (!built.equals(reference) && !provider.imageExists(reference)) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE, "image " + reference
                    + " is from another kubicle recipe and is gone; use " + BASE_ALIAS + " or " + built);
        }
    }
}
