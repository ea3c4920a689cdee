package dev.kubicle.config;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Set;

/** {@code extraMounts}: both paths absolute, the host path present on this machine, a known propagation mode. */
final class MountRules {
    private static final Set<String> PROPAGATIONS = Set.of("None", "HostToContainer", "Bidirectional");

    private MountRules() {
    }

    static void check(Mount mount, String path, Problems problems) {
        String containerPath = YamlPath.field(path, "containerPath");
        if (mount.containerPath() == null || mount.containerPath().isEmpty()) {
            problems.add(containerPath, "is missing", "set where the node sees the mount, such as /data");
        } else if (!mount.containerPath().startsWith("/")) {
            problems.add(containerPath, "\"" + mount.containerPath() + "\" is a relative path",
                    "use an absolute path in the node, such as /" + mount.containerPath());
        }
        checkHostPath(mount.hostPath(), YamlPath.field(path, "hostPath"), problems);
        if (!PROPAGATIONS.contains(mount.propagation())) {
            problems.add(YamlPath.field(path, "propagation"),
                    "\"" + mount.propagation() + "\" is not a propagation mode",
                    "use None, HostToContainer or Bidirectional");
        }
    }

    private static void checkHostPath(String hostPath, String path, Problems problems) {
        if (hostPath == null || hostPath.isEmpty()) {
            problems.add(path, "is missing", "set the directory or file on this machine to mount");
            return;
        }
        Path file;
        try {
            file = Path.of(hostPath);
        } catch (InvalidPathException e) {
            problems.add(path, "\"" + hostPath + "\" is not a valid path", "use an absolute path on this machine");
            return;
        }
        if (!file.isAbsolute()) {
            // The engine resolves paths on its own side, so a path relative to kubicle's directory would be a guess.
            problems.add(path, "\"" + hostPath + "\" is a relative path",
                    "use an absolute path, such as " + file.toAbsolutePath().normalize());
        } else if (!Files.exists(file)) {
            problems.add(path, hostPath + " does not exist on this machine", "create it, or fix the path");
        }
    }
}
