package dev.kubicle.nodeimage;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What build-components.sh made for one Kubernetes version: static binaries in {@code bin/}, the images kubeadm
 * deploys ({@code images.txt}, as {@code kubeadm config images list} prints them) and the versions of everything
 * ({@code versions.env}).
 */
record Components(String kubernetesVersion, Path directory, List<String> images, Map<String, String> versions) {

    Components {
        images = List.copyOf(images);
        versions = Map.copyOf(versions);
    }

    static Components read(String kubernetesVersion, Path directory) {
        return new Components(kubernetesVersion, directory,
                RecipeResources.entries(lines(directory.resolve("images.txt"))),
                parseVersions(lines(directory.resolve("versions.env"))));
    }

    Path binary(String name) {
        return directory.resolve("bin").resolve(name);
    }

    /** The pause image kubeadm lists: the sandbox every pod starts with. */
    String pauseImage() {
        return images.stream().filter(image -> ImageNames.shortName(image).equals("pause")).findFirst()
                .orElseThrow(() -> new KubicleException(ExitCode.INTERNAL, "kubeadm " + kubernetesVersion
                        + " lists no pause image in " + directory.resolve("images.txt")));
    }

    /** {@code NAME=value} lines; comments and blank lines are skipped, as a shell would. */
    static Map<String, String> parseVersions(List<String> lines) {
        Map<String, String> versions = new LinkedHashMap<>();
        for (String line : RecipeResources.entries(lines)) {
            int equals = line.indexOf('=');
            if (equals <= 0) {
                throw new KubicleException(ExitCode.INTERNAL, "versions.env has a line that is no NAME=value: "
                        + line);
            }
            versions.put(line.substring(0, equals), line.substring(equals + 1));
        }
        return versions;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("build-components.sh left no " + file, e);
        }
    }
}
