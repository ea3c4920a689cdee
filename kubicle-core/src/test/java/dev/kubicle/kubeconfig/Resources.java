package dev.kubicle.kubeconfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test inputs under src/test/resources/kubeconfig. */
final class Resources {

    private Resources() {
    }

    static String read(String name) {
        try (InputStream in = Resources.class.getResourceAsStream("/kubeconfig/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource kubeconfig/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
