package dev.kubicle.cluster.internal.ops;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.cluster.internal.NodeCommands;
import dev.kubicle.progress.Progress;
import dev.kubicle.provider.ExecResult;
import dev.kubicle.provider.Provider;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The images in one node's containerd, in the namespace the kubelet uses. */
public final class NodeImages {
    /**
     * {@code --digests} also names each image by digest, so it stays when a later import moves its tag;
     * {@code --label} (kind's way of marking loaded images) is left out: Debian's ctr 1.6.20 rejects it.
     */
    static final List<String> IMPORT_FROM_STDIN = List.of("ctr", "-n", "k8s.io", "images", "import",
            "--all-platforms", "--digests", "--snapshotter=overlayfs", "-");

    private final Provider provider;
    private final Progress progress;
    private final NodeCommands commands;

    public NodeImages(Provider provider, Progress progress) {
        this.provider = provider;
        this.progress = progress;
        this.commands = new NodeCommands(provider, progress);
    }

    /** Whether the node already has every one of these images under its name and with the same content. */
    public boolean hasAll(String node, List<ArchiveImage> images) {
        var listed = ContainerdImages.parse(commands.run(node, "ctr", "-n", "k8s.io", "images", "ls"));
        return new ContainerdImages(listed,
                digest -> commands.run(node, "ctr", "-n", "k8s.io", "content", "get", digest)).hasAll(images);
    }

    /** Gives an image in the node's containerd a second name (replacing whatever that name was before). */
    public void tag(String node, String name, String newName) {
        commands.run(node, "ctr", "-n", "k8s.io", "images", "tag", "--force", name, newName);
    }

    /** Streams an image archive from a local file into the node's containerd. */
    public void importArchive(String node, Path archive) throws IOException {
        progress.detail("[" + node + "] " + String.join(" ", IMPORT_FROM_STDIN) + " < " + archive);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        ExecResult result;
        try (InputStream tar = Files.newInputStream(archive)) {
            result = provider.execStreaming(node, IMPORT_FROM_STDIN, tar, output);
        }
        if (!result.ok()) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE, "importing images into node " + node
                    + " failed with exit code " + result.exitCode(), (output + result.stderr()).strip(), null);
        }
    }
}
