package dev.kubicle.nodeimage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.nodeimage.ImageSpec.ImageFile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the node image recipe's images.yaml, and matches it against the images kubeadm lists for a version. The
 * file ships with kubicle, so a mistake in it is kubicle's: every problem is reported at once, as an internal error.
 */
final class ImageSpecs {
    private static final Set<String> FIELDS = Set.of("kubeadm", "reference", "entrypoint", "files");
    /** "KIND:SOURCE DESTINATION"; neither part may hold white space, which build-steps.sh splits on. */
    private static final Pattern FILE = Pattern.compile("([a-z]+):(\\S+) +(/\\S*)");

    private ImageSpecs() {
    }

    static List<ImageSpec> parse(String yaml, String source) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new KubicleException(ExitCode.INTERNAL, source + " is not YAML: " + e.getOriginalMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        List<ImageSpec> specs = new ArrayList<>();
        JsonNode images = root == null ? null : root.get("images");
        if (images == null || !images.isArray() || images.isEmpty()) {
            problems.add("images: must be a list of images");
        } else {
            for (int index = 0; index < images.size(); index++) {
                ImageSpec spec = image(images.get(index), "images[" + index + "]", problems);
                if (spec != null) {
                    specs.add(spec);
                }
            }
        }
        Set<String> names = new HashSet<>();
        for (ImageSpec spec : specs) {
            if (!names.add(spec.describe())) {
                problems.add(spec.describe() + " is listed twice");
            }
        }
        if (!problems.isEmpty()) {
            throw new KubicleException(ExitCode.INTERNAL, "kubicle's " + source + " is broken: "
                    + String.join("; ", problems));
        }
        return List.copyOf(specs);
    }

    /**
     * The images to preload for these components, in the recipe's order: each image kubeadm lists, under the exact
     * reference it lists, and every other image of the recipe.
     */
    static List<PreloadImage> resolve(List<ImageSpec> specs, Components components) {
        List<PreloadImage> images = new ArrayList<>();
        for (String listed : components.images()) {
            if (specs.stream().noneMatch(spec -> ImageNames.shortName(listed).equals(spec.kubeadmName()))) {
                throw new KubicleException(ExitCode.UNEXPECTED_STATE, "kubeadm " + components.kubernetesVersion()
                        + " deploys " + listed + ", which kubicle does not know how to build; use a Kubernetes "
                        + "version this kubicle supports");
            }
        }
        for (ImageSpec spec : specs) {
            if (spec.kubeadmName() == null) {
                String reference = VersionPlaceholders.fill(spec.reference(), components.versions(),
                        "the image " + spec.reference());
                images.add(new PreloadImage(reference, spec.entrypoint(), spec.files()));
            } else {
                components.images().stream()
                        .filter(listed -> ImageNames.shortName(listed).equals(spec.kubeadmName()))
                        .forEach(listed -> images.add(new PreloadImage(listed, spec.entrypoint(), spec.files())));
            }
        }
        return List.copyOf(images);
    }

    private static ImageSpec image(JsonNode entry, String path, List<String> problems) {
        if (entry == null || !entry.isObject()) {
            problems.add(path + ": must be a mapping with kubeadm or reference, entrypoint and files");
            return null;
        }
        int before = problems.size();
        for (Iterator<String> fields = entry.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            if (!FIELDS.contains(field)) {
                problems.add(path + "." + field + ": unknown field; use one of " + String.join(", ", FIELDS));
            }
        }
        String kubeadm = text(entry, "kubeadm", path, problems);
        String reference = text(entry, "reference", path, problems);
        if ((kubeadm == null) == (reference == null)) {
            problems.add(path + ": needs either kubeadm (a name kubeadm lists) or reference, not both");
        }
        if (kubeadm != null && !kubeadm.matches("[a-z0-9][a-z0-9._-]*")) {
            problems.add(path + ".kubeadm: \"" + kubeadm + "\" is not the last part of an image name");
        }
        if (reference != null && !reference.matches("[a-z0-9][a-z0-9./_-]*:[A-Za-z0-9_.${}-]+")) {
            problems.add(path + ".reference: \"" + reference + "\" is not a reference with a tag");
        }
        List<String> entrypoint = strings(entry.get("entrypoint"), path + ".entrypoint", problems);
        List<ImageFile> files = new ArrayList<>();
        List<String> fileLines = strings(entry.get("files"), path + ".files", problems);
        if (entry.get("files") == null || fileLines.isEmpty()) {
            problems.add(path + ".files: an image needs at least one file");
        }
        for (int index = 0; index < fileLines.size(); index++) {
            ImageFile file = file(fileLines.get(index), path + ".files[" + index + "]", problems);
            if (file != null) {
                files.add(file);
            }
        }
        return problems.size() == before ? new ImageSpec(kubeadm, reference, entrypoint, files) : null;
    }

    private static ImageFile file(String line, String path, List<String> problems) {
        Matcher matcher = FILE.matcher(line.strip());
        if (!matcher.matches()) {
            problems.add(path + ": \"" + line + "\" is not KIND:SOURCE /DESTINATION");
            return null;
        }
        ImageFile file = new ImageFile(matcher.group(1), matcher.group(2), matcher.group(3));
        if (!ImageFile.KINDS.contains(file.kind())) {
            problems.add(path + ": unknown kind \"" + file.kind() + "\"; use one of "
                    + String.join(", ", ImageFile.KINDS));
        } else if (List.of("node", "applets").contains(file.kind()) && !file.source().startsWith("/")) {
            problems.add(path + ": a " + file.kind() + " source is an absolute path in the base image");
        } else if (List.of("component", "resource").contains(file.kind())
                && (file.source().startsWith("/") || file.source().contains(".."))) {
            problems.add(path + ": a " + file.kind() + " source is a relative path without ..");
        }
        return file;
    }

    private static String text(JsonNode entry, String field, String path, List<String> problems) {
        JsonNode value = entry.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            problems.add(path + "." + field + ": must be a non-empty string");
            return null;
        }
        return value.asText();
    }

    private static List<String> strings(JsonNode value, String path, List<String> problems) {
        if (value == null || value.isNull()) {
            return List.of();
        }
        List<String> strings = new ArrayList<>();
        if (!value.isArray()) {
            problems.add(path + ": must be a list of strings");
            return strings;
        }
        for (JsonNode item : value) {
            if (item.isTextual()) {
                strings.add(item.asText());
            } else {
                problems.add(path + ": must be a list of strings");
                return strings;
            }
        }
        return strings;
    }
}
