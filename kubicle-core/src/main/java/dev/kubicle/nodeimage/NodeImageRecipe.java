package dev.kubicle.nodeimage;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a Kubernetes node image adds to the base node image, read from the resources under
 * {@code dev/kubicle/nodeimage/kubernetes/}: the files listed in files.txt (the kubelet's units, the default CNI and
 * storage manifests), the images listed in images.yaml with the files they take from the recipe, and
 * build-steps.sh, which does the work inside the build container. Its {@link #hash()} changes with any of them.
 */
final class NodeImageRecipe {
    private static final RecipeResources RESOURCES = new RecipeResources("/dev/kubicle/nodeimage/kubernetes/");
    /** Bump when the way the recipe is turned into an image changes, so that old images are not reused. */
    private static final String FORMAT = "kubicle node image recipe 1";
    static final String BUILD_STEPS = "build-steps.sh";

    private final List<NodeFile> files;
    private final List<ImageSpec> images;
    private final Map<String, byte[]> imageResources;
    private final byte[] buildSteps;

    /**
     * A file the node image gets.
     *
     * @param destination its absolute path in the image
     * @param rendered    whether its {@code ${NAME}} placeholders are filled with the components' versions
     */
    record NodeFile(String source, String destination, int mode, byte[] content, boolean rendered) {

        /** The file's content in an image built from these components. */
        byte[] contentFor(Components components) {
            if (!rendered) {
                return content.clone();
            }
            return VersionPlaceholders.fill(new String(content, StandardCharsets.UTF_8), components.versions(),
                    source).getBytes(StandardCharsets.UTF_8);
        }
    }

    NodeImageRecipe(List<NodeFile> files, List<ImageSpec> images, Map<String, byte[]> imageResources,
                    byte[] buildSteps) {
        this.files = List.copyOf(files);
        this.images = List.copyOf(images);
        // Sorted, so that the hash walks them in one order on every run.
        this.imageResources = Collections.unmodifiableMap(new TreeMap<>(imageResources));
        this.buildSteps = buildSteps.clone();
    }

    /** The recipe shipped with this kubicle. */
    static NodeImageRecipe load() {
        List<NodeFile> files = RESOURCES.entries("files.txt").stream().map(NodeImageRecipe::file).toList();
        List<ImageSpec> images = ImageSpecs.parse(RESOURCES.text("images.yaml"), "images.yaml");
        Map<String, byte[]> resources = new LinkedHashMap<>();
        images.stream().flatMap(image -> image.files().stream())
                .filter(file -> file.kind().equals("resource"))
                .forEach(file -> resources.computeIfAbsent(file.source(), RESOURCES::bytes));
        return new NodeImageRecipe(files, images, resources, RESOURCES.bytes(BUILD_STEPS));
    }

    List<NodeFile> files() {
        return files;
    }

    List<ImageSpec> images() {
        return images;
    }

    /** The recipe files that images take ({@code resource:} entries of images.yaml), by their path in the recipe. */
    Map<String, byte[]> imageResources() {
        return imageResources;
    }

    byte[] buildSteps() {
        return buildSteps.clone();
    }

    /** SHA-256 of everything in the recipe, in hex. */
    String hash() {
        Sha256 digest = new Sha256().line(FORMAT);
        for (NodeFile file : files) {
            digest.line(file.source() + " " + file.destination() + " " + Integer.toOctalString(file.mode())
                    + (file.rendered() ? " render" : "")).line(Sha256.of(file.content()));
        }
        for (ImageSpec image : images) {
            digest.line(image.describe()).line(String.join(" ", image.entrypoint()));
            image.files().forEach(file -> digest.line(file.line()));
        }
        imageResources.forEach((path, content) -> digest.line(path).line(Sha256.of(content)));
        return digest.line(Sha256.of(buildSteps)).hex();
    }

    private static NodeFile file(String entry) {
        String[] fields = entry.split("\\s+");
        boolean rendered = fields.length == 4 && fields[3].equals("render");
        if (fields.length != 3 && !rendered || !fields[0].matches("0?[0-7]{3}") || !fields[2].startsWith("/")) {
            throw new KubicleException(ExitCode.INTERNAL, "bad line in the node image recipe's files.txt: " + entry
                    + "; use MODE SOURCE /DESTINATION [render]");
        }
        return new NodeFile(fields[1], fields[2], Integer.parseInt(fields[0], 8), RESOURCES.bytes(fields[1]),
                rendered);
    }
}
