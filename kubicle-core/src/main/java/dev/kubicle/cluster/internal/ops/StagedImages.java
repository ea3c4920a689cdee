package dev.kubicle.cluster.internal.ops;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.cluster.internal.NodeCommands;
import dev.kubicle.cluster.internal.Parallel;
import dev.kubicle.progress.Progress;
import dev.kubicle.provider.ExecResult;
import dev.kubicle.provider.Provider;
import dev.kubicle.provider.docker.TarWriter;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;

/**
 * Loads a {@code docker save} archive into nodes without {@code ctr images import} reading its layers. The archive
 * is streamed once into every node's staging directory at the same time and unpacked there by {@code tar}, which
 * neither hashes nor stores anything twice. Then in each node, and in all nodes at once: each layer the node's
 * containerd lacks is moved into its content store under its digest and registered there, and an OCI layout of
 * the images' configs and manifests alone is imported, which unpacks the layers.
 *
 * <p>Registering reads nothing: containerd's default content sharing policy lets a namespace take a blob that is in
 * the store under its digest already (the staged file, hard-linked there), and unpacking checks each layer against
 * the diff ID of the image config. Where a store isolates its namespaces, registering reads the staged file in full
 * instead, as it then starts at offset 0 of its input rather than at the blob's end. Until the images are imported,
 * a placeholder name holds the configs and manifests, whose references keep the registered layers from
 * containerd's garbage collector.
 */
public final class StagedImages {
    /** The node image's containerd root; blobs there are files named by their digest. */
    static final String CONTENT_ROOT = "/var/lib/containerd/io.containerd.content.v1.content";
    static final String CONTENT_BLOBS = CONTENT_ROOT + "/blobs/sha256";
    private static final String NAMESPACE = "k8s.io";
    /** Names no registry serves, for the moment between the layers' placing and the images' import. */
    private static final String PLACEHOLDER = "kubicle.internal/load-";

    private final Provider provider;
    private final Progress progress;
    private final NodeCommands commands;
    private final String id = UUID.randomUUID().toString().substring(0, 8);
    /**
     * Inside the content store's file system (in kubicle's node images an overlay mount of its own, over the
     * preloaded images), so that a staged layer can be hard-linked into it. containerd reads only the store's
     * {@code blobs} and {@code ingest} directories.
     */
    private final String directory = CONTENT_ROOT + "/kubicle-load-" + id;

    public StagedImages(Provider provider, Progress progress) {
        this.provider = provider;
        this.progress = progress;
        this.commands = new NodeCommands(provider, progress);
    }

    /** Opens the archive to stream; called once. */
    public interface Source {
        InputStream open() throws IOException;
    }

    /** Writes a tar into the nodes: each sink is one node's, and each must receive the same bytes. */
    public interface Writer<T> {
        T write(List<OutputStream> sinks) throws IOException;
    }

    /**
     * Streams the archive into every node's staging directory at once.
     *
     * @return its images, or empty when it is an OCI layout without {@code manifest.json} (then nothing is staged
     *     that {@link #importInto} could use; {@link #cleanUp} still removes it)
     */
    public Optional<DockerArchive> stage(List<String> nodes, Source source) throws IOException, InterruptedException {
        return stage(nodes, sinks -> {
            try (InputStream in = source.open()) {
                return ArchiveFanOut.copy(in, sinks);
            }
        });
    }

    /**
     * Unpacks the tar that {@code writer} writes into every node's staging directory at once.
     *
     * @return what the writer returns
     */
    public <T> T stage(List<String> nodes, Writer<T> writer) throws IOException, InterruptedException {
        try (Parallel parallel = new Parallel()) {
            List<OutputStream> sinks = new ArrayList<>();
            List<Future<?>> copies = new ArrayList<>();
            for (String node : nodes) {
                BoundedPipe pipe = new BoundedPipe();
                sinks.add(pipe.sink());
                copies.add(parallel.start(() -> unpack(node, pipe.source())));
            }
            T result;
            try {
                result = writer.write(sinks);
            } catch (BoundedPipe.ReaderGone e) {
                closeAll(sinks);
                // A node that refused its copy closed its pipe, which is what failed the stream: its reason is better.
                for (Future<?> copy : copies) {
                    parallel.await(copy);
                }
                throw e;
            } catch (IOException | RuntimeException e) {
                // The copies end with the truncated stream and fail for that; the source's failure is the cause.
                closeAll(sinks);
                copies.forEach(parallel::awaitQuietly);
                throw e;
            }
            closeAll(sinks);
            for (Future<?> copy : copies) {
                parallel.await(copy);
            }
            return result;
        }
    }

    private void unpack(String node, InputStream tar) {
        List<String> command = List.of("sh", "-c", "mkdir -p " + directory + " && exec tar -x -f - -C " + directory);
        progress.detail("[" + node + "] " + String.join(" ", command));
        ExecResult result;
        try (tar) {
            result = provider.execStreaming(node, command, tar, OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new KubicleException(ExitCode.GENERIC, "staging images in node " + node + ": " + e.getMessage(), e);
        }
        if (!result.ok()) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE, "staging images in node " + node
                    + " failed with exit code " + result.exitCode(), result.stderr().strip(), null);
        }
    }

    /**
     * Makes the staged images the node's: places the layers its containerd lacks, imports the images under these
     * names (each image's list, in the archive's order) and removes the staging directory.
     */
    public void importInto(String node, DockerArchive archive, List<List<String>> names) {
        List<DockerArchive.Image> images = archive.images();
        List<List<String>> placeholders = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            placeholders.add(List.of(PLACEHOLDER + id + ":" + i));
        }
        ByteArrayOutputStream layouts = new ByteArrayOutputStream();
        try (TarWriter tar = new TarWriter(layouts)) {
            tar.file("kubicle-hold.tar", OciLayoutTar.of(images, placeholders), 0644);
            tar.file("kubicle-images.tar", OciLayoutTar.of(images, names), 0644);
        }
        unpack(node, new ByteArrayInputStream(layouts.toByteArray()));
        Set<String> present = contentOf(node);
        ExecResult result = commands.attempt(node, "sh", "-c", script(archive, present, placeholders));
        if (!result.ok()) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE, "importing images into node " + node
                    + " failed with exit code " + result.exitCode(), (result.stdout() + result.stderr()).strip(),
                    null);
        }
    }

    /** The digests of the blobs in the node's containerd content store, layers among them. */
    public Set<String> contentOf(String node) {
        return Set.of(commands.run(node, "ctr", "-n", NAMESPACE, "content", "ls", "-q").split("\n"));
    }

    /** Removes the placeholder names and the staging directory, whatever state a failed load left them in. */
    public void cleanUp(String node) {
        commands.attempt(node, "sh", "-c", "ctr -n " + NAMESPACE + " images ls -q | grep '^" + PLACEHOLDER + id
                + ":' | xargs -r ctr -n " + NAMESPACE + " images rm >/dev/null; rm -rf " + directory);
    }

    /** The shell lines that place the missing layers and import the images, stopping at the first failure. */
    String script(DockerArchive archive, Set<String> present, List<List<String>> placeholders) {
        String ctr = "ctr -n " + NAMESPACE + " ";
        List<String> lines = new ArrayList<>();
        lines.add("set -e");
        lines.add("cd " + directory);
        lines.add(ctr + "images import --no-unpack --all-platforms kubicle-hold.tar >/dev/null");
        Set<String> placed = new HashSet<>(present);
        for (DockerArchive.Image image : archive.images()) {
            for (DockerArchive.Layer layer : image.layers()) {
                if (placed.add(layer.digest())) {
                    lines.addAll(place(ctr, layer));
                }
            }
        }
        lines.add(ctr + "images import --all-platforms --digests --snapshotter=overlayfs kubicle-images.tar");
        lines.add(ctr + "images rm " + String.join(" ", placeholders.stream().flatMap(List::stream).toList())
                + " >/dev/null");
        lines.add("cd / && rm -rf " + directory);
        return String.join("\n", lines) + "\n";
    }

    /**
     * Links the staged layer into the content store and registers it there. containerd's garbage collector deletes
     * blob files that no namespace names, and it may run between the link and the registration: if it does before,
     * the registration reads the staged file in full; if after, the link is made again (the blob is named by then,
     * and the placeholder's manifest keeps it).
     */
    private static List<String> place(String ctr, DockerArchive.Layer layer) {
        String staged = "'" + layer.path() + "'";
        String blob = CONTENT_BLOBS + "/" + layer.hex();
        return List.of("ln -f " + staged + " " + blob,
                ctr + "content ingest --expected-size " + layer.size() + " --expected-digest " + layer.digest()
                        + " kubicle-load-" + layer.hex() + " <" + staged,
                "[ -e " + blob + " ] || ln " + staged + " " + blob);
    }

    private static void closeAll(List<OutputStream> sinks) throws IOException {
        for (OutputStream sink : sinks) {
            sink.close();
        }
    }
}
