package dev.kubicle.internal;

import java.nio.file.Path;

/**
 * Where kubicle keeps its files on this host, {@code $XDG_CACHE_HOME/kubicle}, by default ~/.cache/kubicle: what is
 * expensive to make again, and the lock files of cluster names being claimed.
 */
public final class KubicleCache {
    private KubicleCache() {
    }

    /** The directory; it may not exist yet. */
    public static Path directory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg == null || xdg.isBlank() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(xdg);
        return base.resolve("kubicle");
    }
}
