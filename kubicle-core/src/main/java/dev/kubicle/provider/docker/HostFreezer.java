package dev.kubicle.provider.docker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Thaws a container's frozen cgroups from the engine's host. runc inside a node freezes a pod's cgroup for a moment
 * while it changes the cgroup (the systemd driver on cgroup v1 does); a node killed in that moment keeps a frozen
 * process that cannot die, and the engine's kill never completes ("did not receive an exit event"). The node can no
 * longer run a command to thaw itself then, but its cgroups are plain files on a local engine's host.
 */
final class HostFreezer {
    private static final int CONTAINER_DEPTH = 3;

    private final Path cgroupRoot;

    HostFreezer(Path cgroupRoot) {
        this.cgroupRoot = cgroupRoot;
    }

    static HostFreezer ofThisHost() {
        return new HostFreezer(Path.of("/sys/fs/cgroup"));
    }

    /** @return how many frozen cgroups were thawed; none where the host's cgroups cannot be read or written */
    int thaw(String containerId) {
        int thawed = 0;
        for (Path container : containerCgroups(containerId)) {
            try (Stream<Path> tree = Files.walk(container)) {
                for (Path state : tree.filter(HostFreezer::isFreezerFile).toList()) {
                    thawed += thawOne(state) ? 1 : 0;
                }
            } catch (IOException | UncheckedIOException unreadable) {
                // The cgroup went away meanwhile, or this process may not touch it: the caller retries anyway.
            }
        }
        return thawed;
    }

    /** The cgroupfs driver's docker/ID and the systemd driver's docker-ID.scope, in each v1 hierarchy or in v2. */
    private List<Path> containerCgroups(String containerId) {
        if (!Files.isDirectory(cgroupRoot)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.find(cgroupRoot, CONTAINER_DEPTH,
                (path, attributes) -> attributes.isDirectory() && path.getFileName() != null
                        && path.getFileName().toString().contains(containerId))) {
            return dirs.toList();
        } catch (IOException | UncheckedIOException unreadable) {
            return List.of();
        }
    }

    private static boolean isFreezerFile(Path path) {
        String name = path.getFileName().toString();
        return name.equals("freezer.state") || name.equals("cgroup.freeze");
    }

    private static boolean thawOne(Path state) throws IOException {
        boolean v1 = state.getFileName().toString().equals("freezer.state");
        String current = Files.readString(state).strip();
        if (v1 ? current.equals("THAWED") : current.equals("0")) {
            return false;
        }
        Files.writeString(state, v1 ? "THAWED" : "0");
        return true;
    }
}
