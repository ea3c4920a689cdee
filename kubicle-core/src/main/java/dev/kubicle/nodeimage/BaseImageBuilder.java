package dev.kubicle.nodeimage;

import dev.kubicle.provider.Provider;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Makes kubicle's base node image, {@code kubicle/base:<first 12 hex digits of the recipe hash>}: Debian with
 * systemd, containerd and runc, booting through kubicle's entrypoint. No registry is involved: the root file system
 * is built on this machine ({@link RootfsBuilder}) and imported as {@code kubicle/base-rootfs:<tag>}; a one-line
 * build on top adds the stop signal, which an import cannot set. The node image (Kubernetes binaries, preloaded
 * images) is built from it.
 */
public final class BaseImageBuilder {
    public static final String REPOSITORY = "kubicle/base";
    static final String ROOTFS_REPOSITORY = "kubicle/base-rootfs";
    /** Label saying what kind of kubicle image an image is; "base" here. */
    public static final String IMAGE_LABEL = "dev.kubicle.image";
    /** Label holding the full recipe hash the image was built from. */
    public static final String RECIPE_LABEL = "dev.kubicle.recipe";
    /** How a node boots: the entrypoint fixes up the container, then hands over to systemd. */
    static final String ENTRYPOINT = "ENTRYPOINT [\"/usr/local/bin/entrypoint\", \"/sbin/init\"]";
    private static final int TAG_LENGTH = 12;

    private final Provider provider;
    private final BaseImageRecipe recipe;
    private final RootfsBuilder rootfsBuilder;
    private final Consumer<String> progress;

    public BaseImageBuilder(Provider provider, BaseImageRecipe recipe, RootfsBuilder rootfsBuilder,
                            Consumer<String> progress) {
        this.provider = provider;
        this.recipe = recipe;
        this.rootfsBuilder = rootfsBuilder;
        this.progress = progress;
    }

    /** The builder for this kubicle's recipe, caching in the user's cache directory. */
    public static BaseImageBuilder of(Provider provider, Consumer<String> progress) {
        return new BaseImageBuilder(provider, BaseImageRecipe.load(), RootfsBuilder.inUserCache(progress), progress);
    }

    public String imageReference() {
        return REPOSITORY + ":" + tag();
    }

    /** Builds the image unless the engine has it already; returns its reference. */
    public String ensure() {
        String reference = imageReference();
        if (provider.imageExists(reference)) {
            return reference;
        }
        progress.accept("building base node image " + reference);
        long start = System.nanoTime();
        String rootfsReference = ROOTFS_REPOSITORY + ":" + tag();
        try (Rootfs rootfs = rootfsBuilder.build(recipe)) {
            progress.accept("importing the root file system as " + rootfsReference);
            try (InputStream tar = rootfs.openTar()) {
                provider.importImage(tar, rootfsReference, importChanges());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        provider.buildImage(new ByteArrayInputStream(DockerfileContext.of(dockerfile(rootfsReference))), reference);
        progress.accept("built " + reference + " in " + (System.nanoTime() - start) / 1_000_000_000 + " s");
        return reference;
    }

    /** What the import sets besides the files: enough to boot a node, except the stop signal. */
    List<String> importChanges() {
        return List.of(
                // Tells systemd it runs in a container: no hardware to set up, no kernel to ask.
                "ENV container=docker",
                ENTRYPOINT,
                "LABEL " + IMAGE_LABEL + "=base-rootfs " + RECIPE_LABEL + "=" + recipe.hash());
    }

    String dockerfile(String rootfsReference) {
        return "FROM " + rootfsReference + "\n"
                + "# systemd shuts down on SIGRTMIN+3; SIGTERM, the engine's default, makes it re-execute itself.\n"
                + "STOPSIGNAL SIGRTMIN+3\n"
                + "LABEL " + IMAGE_LABEL + "=base " + RECIPE_LABEL + "=" + recipe.hash() + "\n";
    }

    private String tag() {
        return recipe.hash().substring(0, TAG_LENGTH);
    }
}
