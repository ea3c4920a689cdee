package dev.kubicle.nodeimage;

import java.nio.file.Path;

/** Where kubicle keeps what is expensive to make again: {@code $XDG_CACHE_HOME/kubicle}, by default ~/.cache/kubicle. */
final class KubicleCache {
    private KubicleCache() {
    }

    static Path directory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg == null || xdg.isBlank() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(xdg);
        return base.resolve("kubicle");
    }
}
