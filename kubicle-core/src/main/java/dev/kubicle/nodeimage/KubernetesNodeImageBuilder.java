package dev.kubicle.nodeimage;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.config.ImageReference;
import dev.kubicle.internal.KubicleCache;
import dev.kubicle.progress.ConsoleProgress;
import dev.kubicle.progress.Progress;
import dev.kubicle.provider.Provider;
import dev.kubicle.provider.docker.TarWriter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Builds a Kubernetes node image that kubicle and kind both boot, with no registry: the components are built from
 * source ({@link KubernetesComponents}), installed into a container of the base node image ({@link BuildContainer})
 * together with the kubelet's units and the default CNI and storage manifests, the images kubeadm and those
 * manifests run are made from the same binaries and preloaded into the container's containerd, and the container
 * is committed. An image whose inputs label matches is current and is left alone, which takes a second.
 */
public final class KubernetesNodeImageBuilder {
    public static final String REPOSITORY = "kubicle/node";
    /** Label holding the Kubernetes version of a node image. */
    public static final String KUBERNETES_VERSION_LABEL = "dev.kubicle.kubernetes-version";
    private static final Pattern VERSION = Pattern.compile("v1\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?");
    private static final String BUILD = "/kind/build";
    private static final String STEPS = BUILD + "/" + NodeImageRecipe.BUILD_STEPS;
    /** The preloaded images' references, one a line: what the preload checks, kept in the image for users. */
    private static final String PRELOADED_IMAGES = "/kind/images";
    /** The binaries kubeadm runs on the node itself rather than in a container. */
    private static final List<String> NODE_BINARIES = List.of("kubeadm", "kubelet", "kubectl");

    private final Provider provider;
    private final Progress progress;

    public KubernetesNodeImageBuilder(Provider provider, Progress progress) {
        this.provider = provider;
        this.progress = progress;
    }

    /** The image {@code kubicle build node-image} makes for a Kubernetes version unless told another name. */
    public static String defaultReference(String kubernetesVersion) {
        return REPOSITORY + ":" + kubernetesVersion;
    }

    /** Whether {@code text} is a Kubernetes release version this builder accepts, such as v1.37.2. */
    public static boolean isKubernetesVersion(String text) {
        return VERSION.matcher(text).matches();
    }

    /** Throws the user's mistake in a build request before anything is done about it. */
    public static void checkRequest(String kubernetesVersion, String reference) {
        if (!isKubernetesVersion(kubernetesVersion)) {
            throw new KubicleException(ExitCode.INVALID_INPUT, "--kubernetes-version \"" + kubernetesVersion
                    + "\" is not a Kubernetes release version; give one like v1.37.2");
        }
        if (!ImageReference.isValid(reference)) {
            throw new KubicleException(ExitCode.INVALID_INPUT, "--image \"" + reference + "\" is not an image "
                    + "reference; give one like " + defaultReference(kubernetesVersion));
        }
    }

    /**
     * Builds the node image for a Kubernetes version under {@code reference}, unless an image of that name was
     * built from the same inputs.
     *
     * @return whether an image was built
     */
    public boolean build(String kubernetesVersion, String reference) {
        checkRequest(kubernetesVersion, reference);
        BuildContainer.deleteOrphans(provider);
        BaseImageRecipe baseRecipe = BaseImageRecipe.load();
        NodeImageRecipe recipe = NodeImageRecipe.load();
        String inputs = new NodeImageInputs(kubernetesVersion, KubernetesComponents.scriptHash(), baseRecipe.hash(),
                recipe.hash()).hash();
        if (inputs.equals(provider.imageLabels(reference).orElse(Map.of()).get(BaseImageBuilder.RECIPE_LABEL))) {
            progress.note("Node image " + reference + " is up to date: it was built from this kubicle's recipe "
                    + "for Kubernetes " + kubernetesVersion + ".");
            return false;
        }
        long start = System.nanoTime();
        progress.headline("Building node image " + reference + " (Kubernetes " + kubernetesVersion + ") ...");
        Components components = stage("Building Kubernetes " + kubernetesVersion + " from source 🔨",
                () -> new KubernetesComponents(KubicleCache.directory(), progress).build(kubernetesVersion));
        List<PreloadImage> images = ImageSpecs.resolve(recipe.images(), components);
        String baseImage = stage("Ensuring base image 🖼", () -> new BaseImageBuilder(provider, baseRecipe,
                RootfsBuilder.inUserCache(progress::detail), progress::detail).ensure());
        try (BuildContainer container = new BuildContainer(provider)) {
            stage("Installing Kubernetes 📦", () -> install(container, baseImage, recipe, components, images));
            stage("Making " + images.size() + " images 🧱", () -> {
                for (int index = 0; index < images.size(); index++) {
                    progress.activity("making " + images.get(index).reference() + " (" + (index + 1) + " of "
                            + images.size() + ")");
                    progress.detail(container.run("making image " + images.get(index).reference(), "bash", STEPS,
                            "image", specDirectory(index, images.get(index)),
                            BUILD + "/archives/" + index + ".tar").strip());
                }
            });
            stage("Preloading images into containerd 🚚", () -> {
                progress.detail(container.run("preloading images", "bash", STEPS, "preload", BUILD + "/archives",
                        PRELOADED_IMAGES).strip());
                container.run("cleaning up", "bash", STEPS, "clean");
            });
            stage("Committing " + reference + " 💾", () -> container.commit(reference,
                    commitChanges(kubernetesVersion, inputs)));
        }
        progress.note("Built node image " + reference + " in "
                + ConsoleProgress.formatElapsed(Duration.ofNanos(System.nanoTime() - start)) + ".");
        return true;
    }

    /** Starts the container and puts the components, the recipe's files and the image specs into it. */
    private void install(BuildContainer container, String baseImage, NodeImageRecipe recipe, Components components,
                         List<PreloadImage> images) {
        progress.detail("starting build container " + container.name() + " from " + baseImage);
        container.start(baseImage);
        container.copyIn(tar -> {
            for (String binary : NODE_BINARIES) {
                tar.file("usr/bin/" + binary, components.binary(binary), 0755);
            }
            for (NodeImageRecipe.NodeFile file : recipe.files()) {
                tar.file(file.destination(), file.contentFor(components), file.mode());
            }
            // kind reads the node's Kubernetes version here, as one line.
            tar.file("kind/version", (components.kubernetesVersion() + "\n").getBytes(StandardCharsets.UTF_8), 0644);
            tar.file(STEPS, recipe.buildSteps(), 0755);
            images.stream().flatMap(image -> image.files().stream()).filter(file -> file.kind().equals("component"))
                    .map(ImageSpec.ImageFile::source).distinct()
                    .forEach(binary -> tar.file(BUILD + "/bin/" + binary, components.binary(binary), 0755));
            recipe.imageResources().forEach((path, content) -> tar.file(BUILD + "/resources/" + path, content,
                    isScript(content) ? 0755 : 0644));
            for (int index = 0; index < images.size(); index++) {
                writeSpec(tar, specDirectory(index, images.get(index)), images.get(index));
            }
            tar.file(PRELOADED_IMAGES, images.stream().map(image -> image.reference() + "\n")
                    .collect(Collectors.joining()).getBytes(StandardCharsets.UTF_8), 0644);
        });
        progress.detail(container.run("installing Kubernetes", "bash", STEPS, "install",
                components.kubernetesVersion(), components.pauseImage()).strip());
    }

    private static void writeSpec(TarWriter tar, String directory, PreloadImage image) {
        tar.file(directory + "/reference", image.reference().getBytes(StandardCharsets.UTF_8), 0644);
        tar.file(directory + "/config.json", image.configJson().getBytes(StandardCharsets.UTF_8), 0644);
        tar.file(directory + "/files", image.filesList().getBytes(StandardCharsets.UTF_8), 0644);
    }

    private static String specDirectory(int index, PreloadImage image) {
        return BUILD + "/images/" + index + "-" + ImageNames.shortName(image.reference());
    }

    /**
     * What the commit sets besides the files. The build container slept instead of booting, so the node's real
     * entrypoint comes back; its stop signal, environment and the base image's labels are kept from the container.
     */
    static List<String> commitChanges(String kubernetesVersion, String inputs) {
        return List.of(
                BaseImageBuilder.ENTRYPOINT,
                "ENV container=docker",
                "LABEL " + BaseImageBuilder.IMAGE_LABEL + "=node " + KUBERNETES_VERSION_LABEL + "=" + kubernetesVersion
                        + " " + BaseImageBuilder.RECIPE_LABEL + "=" + inputs);
    }

    private static boolean isScript(byte[] content) {
        return content.length > 1 && content[0] == '#' && content[1] == '!';
    }

    private void stage(String title, Runnable work) {
        stage(title, () -> {
            work.run();
            return null;
        });
    }

    private <T> T stage(String title, Supplier<T> work) {
        Progress.Step step = progress.startStep(title);
        try {
            T result = work.get();
            step.succeed();
            return result;
        } catch (RuntimeException e) {
            step.fail();
            throw e;
        }
    }
}
