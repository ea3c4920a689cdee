package dev.kubicle.nodeimage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubicle.nodeimage.ImageSpec.ImageFile;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An image the node image preloads, resolved for one set of components: its exact reference, and what
 * build-steps.sh needs to make it.
 */
record PreloadImage(String reference, List<String> entrypoint, List<ImageFile> files) {
    /** Every image finds commands given by name, as images built on a Debian base would. */
    static final String PATH = "PATH=/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    private static final ObjectMapper JSON = new ObjectMapper();

    PreloadImage {
        entrypoint = List.copyOf(entrypoint);
        files = List.copyOf(files);
    }

    /** The "config" object of the image's configuration (the OCI image spec's container defaults), as JSON. */
    String configJson() {
        ObjectNode config = JSON.createObjectNode();
        config.putArray("Env").add(PATH);
        if (!entrypoint.isEmpty()) {
            entrypoint.forEach(config.putArray("Entrypoint")::add);
        }
        try {
            return JSON.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serializes", e);
        }
    }

    /** The files list build-steps.sh lays the image out from, one line each. */
    String filesList() {
        return files.stream().map(file -> file.line() + "\n").collect(Collectors.joining());
    }
}
