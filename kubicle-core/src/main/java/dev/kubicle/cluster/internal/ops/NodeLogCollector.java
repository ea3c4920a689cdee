package dev.kubicle.cluster.internal.ops;

import dev.kubicle.cluster.Labels;
import dev.kubicle.cluster.NodeRole;
import dev.kubicle.progress.Progress;
import dev.kubicle.provider.ExecRequest;
import dev.kubicle.provider.ExecResult;
import dev.kubicle.provider.NodeInfo;
import dev.kubicle.provider.Provider;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects one node's diagnostics into its own folder. Each item is collected on its own: an item that fails gets
 * the reason written into its file, and the others are still collected, because an export is most needed when a
 * node is broken. Exports end up in bug reports, so no secret is written: credential files are left out
 * ({@link CredentialFiles}) and everything else passes through a {@link SecretRedactor} on its way to disk.
 */
public final class NodeLogCollector {
    private static final List<String> CTR = List.of("ctr", "-n", "k8s.io");

    private final Provider provider;
    private final Progress progress;

    public NodeLogCollector(Provider provider, Progress progress) {
        this.provider = provider;
        this.progress = progress;
    }

    /** @return how many items failed */
    public int collect(NodeInfo node, Path folder) throws IOException {
        Files.createDirectories(folder);
        int failures = 0;
        for (Item item : items(node)) {
            try {
                item.collect(node.name(), folder);
            } catch (IOException | RuntimeException e) {
                failures++;
                progress.detail("[" + node.name() + "] could not collect " + item.file() + ": " + e.getMessage());
                Files.writeString(folder.resolve(item.file()), "kubicle could not collect this: " + e.getMessage()
                        + "\n", StandardCharsets.UTF_8);
            }
        }
        return failures;
    }

    private List<Item> items(NodeInfo node) {
        List<Item> items = new ArrayList<>();
        items.add(new Item("inspect.json", (name, file) -> {
            try (OutputStream out = redacted(file)) {
                out.write(provider.inspectJson(name).getBytes(StandardCharsets.UTF_8));
            }
        }));
        items.add(new Item("container.log", (name, file) -> {
            try (OutputStream out = redacted(file)) {
                provider.writeNodeLog(name, out);
            }
        }));
        if (NodeRole.LOAD_BALANCER.label().equals(node.labels().get(Labels.ROLE)) || !node.running()) {
            // A load balancer has no systemd or containerd, and a stopped node runs no commands.
            return items;
        }
        items.add(command("kubelet.log", "journalctl", "--no-pager", "-u", "kubelet.service"));
        items.add(command("containerd.log", "journalctl", "--no-pager", "-u", "containerd.service"));
        items.add(command("journal.log", "journalctl", "--no-pager"));
        items.add(ctr("ctr-containers.txt", "containers", "ls"));
        items.add(ctr("ctr-images.txt", "images", "ls"));
        items.add(ctr("ctr-tasks.txt", "tasks", "ls"));
        if (provider.exec(node.name(), ExecRequest.of("sh", "-c", "command -v crictl")).ok()) {
            items.add(command("crictl-pods.txt", "crictl", "pods"));
            items.add(command("crictl-ps.txt", "crictl", "ps", "-a"));
            items.add(command("crictl-images.txt", "crictl", "images"));
        }
        items.add(directories("pod-logs.error.txt", "/var/log", "pods", "containers"));
        items.add(directories("kind.error.txt", "/", "kind"));
        return items;
    }

    private Item ctr(String file, String... arguments) {
        List<String> command = new ArrayList<>(CTR);
        command.addAll(List.of(arguments));
        return command(file, command.toArray(String[]::new));
    }

    /** A command whose output is the item; a failure's exit code and standard error end the file. */
    private Item command(String file, String... command) {
        return new Item(file, (name, target) -> {
            progress.detail("[" + name + "] " + String.join(" ", command));
            ExecResult result;
            try (OutputStream out = redacted(target)) {
                result = provider.execStreaming(name, List.of(command), null, out);
            }
            if (!result.ok()) {
                Files.writeString(target, "\nkubicle: " + command[0] + " exited with " + result.exitCode() + ": "
                        + result.stderr().strip() + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.APPEND);
            }
        });
    }

    /**
     * Directories of the node copied into the folder under their own names, streamed out as a tar. Links are
     * followed ({@code -h}) because /var/log/containers holds only links into /var/log/pods. Directories the node
     * lacks are left out; the file is written only when the copy fails. The tar waits in the system's temporary
     * folder, readable by its owner only, not in the export: it still holds the secrets.
     */
    private Item directories(String errorFile, String parent, String... names) {
        // kubicle's node images keep their preloaded images under /kind/containerd-seed: hundreds of MB of image
        // layers that tell nothing about a failure, and that the redaction would read line by line for minutes.
        String script = "cd " + parent + " || exit 1; set --; for d in " + String.join(" ", names)
                + "; do [ -e \"$d\" ] && set -- \"$@\" \"$d\"; done; [ $# -eq 0 ] || exec tar -chf - "
                + "--exclude=kind/containerd-seed \"$@\"";
        return new Item(errorFile, (name, errorPath) -> {
            Path folder = errorPath.getParent();
            Path tar = Files.createTempFile("kubicle-logs-", ".tar");
            try {
                ExecResult result;
                try (OutputStream out = Files.newOutputStream(tar)) {
                    result = provider.execStreaming(name, List.of("sh", "-c", script), null, out);
                }
                try (InputStream in = Files.newInputStream(tar)) {
                    TarUnpacker.unpack(in, folder, entry -> !CredentialFiles.isCredential(entry),
                            RedactingOutputStream::new);
                }
                if (!result.ok()) {
                    throw new IOException("tar of " + String.join(", ", names) + " exited with " + result.exitCode()
                            + ": " + result.stderr().strip());
                }
            } finally {
                Files.deleteIfExists(tar);
            }
        });
    }

    private static OutputStream redacted(Path file) throws IOException {
        return new RedactingOutputStream(Files.newOutputStream(file));
    }

    private interface Collect {
        void into(String node, Path file) throws IOException;
    }

    private record Item(String file, Collect collector) {
        void collect(String node, Path folder) throws IOException {
            collector.into(node, folder.resolve(file));
        }
    }
}
