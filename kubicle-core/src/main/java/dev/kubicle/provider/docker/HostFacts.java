package dev.kubicle.provider.docker;

import com.github.dockerjava.api.model.Capability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the engine's host offers that a node container may borrow. Only known when the engine runs on this machine
 * (a unix socket); for a remote engine nothing optional is borrowed.
 *
 * @param kernelModules        whether /lib/modules exists (some Kubernetes components read it; a bind mount of a
 *                             missing path would make the engine create it on the host)
 * @param devices              device nodes that {@code --privileged} would have given and nodes want: /dev/kmsg for
 *                             the kubelet's OOM watcher, /dev/fuse for fuse-overlayfs
 * @param lackingCapabilities  the capabilities this process's bounding set lacks: the ones the engine on the same
 *                             host most likely cannot grant either (a guess that probes confirm)
 */
record HostFacts(boolean kernelModules, List<String> devices, List<Capability> lackingCapabilities) {
    private static final List<String> WANTED_DEVICES = List.of("/dev/kmsg", "/dev/fuse");

    static HostFacts none() {
        return new HostFacts(false, List.of(), List.of());
    }

    static HostFacts ofThisMachine() {
        return new HostFacts(Files.isDirectory(Path.of("/lib/modules")),
                WANTED_DEVICES.stream().filter(device -> Files.exists(Path.of(device))).toList(),
                Capabilities.missingFromThisProcess());
    }
}
