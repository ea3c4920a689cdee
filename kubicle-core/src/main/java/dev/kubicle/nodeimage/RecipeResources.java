package dev.kubicle.nodeimage;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The files of an image recipe, read from the resources under one directory of kubicle's jar. */
final class RecipeResources {
    private final String directory;

    /** @param directory the resource directory, such as {@code /dev/kubicle/nodeimage/base/} */
    RecipeResources(String directory) {
        this.directory = directory;
    }

    byte[] bytes(String name) {
        try (InputStream in = RecipeResources.class.getResourceAsStream(directory + name)) {
            if (in == null) {
                throw new KubicleException(ExitCode.INTERNAL, "kubicle's image recipe lacks " + directory + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    /** The lines of a list file that are neither blank nor comments, trimmed. */
    List<String> entries(String name) {
        return entries(text(name).lines().toList());
    }

    static List<String> entries(List<String> lines) {
        return lines.stream().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }
}
