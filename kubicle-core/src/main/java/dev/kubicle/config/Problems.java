package dev.kubicle.config;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one config, so that all of them are reported at once instead of the first only. */
final class Problems {
    private final List<ConfigProblem> found = new ArrayList<>();

    void add(String path, String message, String fix) {
        found.add(new ConfigProblem(path, message, fix));
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    List<ConfigProblem> toList() {
        return List.copyOf(found);
    }

    void throwIfAny(String sourceName) {
        if (!found.isEmpty()) {
            throw new ConfigException(sourceName, found);
        }
    }
}
