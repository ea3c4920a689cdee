package dev.kubicle.provider;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every container-engine call kubicle makes. The rest of kubicle never knows which engine (Docker or Podman, chosen
 * by {@code ProviderFactory}) runs its nodes. Nodes and networks are found again through their labels alone, so
 * there is no state file to go stale.
 */
public interface Provider extends AutoCloseable {

    /** A short name for messages, e.g. "docker". */
    String name();

    /** The engine's product, version and address, for -v, e.g. "Docker 20.10.24 at unix:///... (API 1.41)". */
    String describe();

    /** How this engine runs privileged nodes; found out on first use and reported with -v. */
    NodePrivileges nodePrivileges();

    /**
     * Creates a network and returns its id. Engines check names on a best-effort basis: two creates of one name at
     * the same moment can both succeed, which is why networks can also be listed and deleted by id.
     */
    String createNetwork(NetworkSpec spec);

    Optional<NetworkInfo> network(String name);

    /** Networks that carry every one of these labels; an empty value matches any value of that label. */
    List<NetworkInfo> networks(Map<String, String> labels);

    /** Deletes a network by name, or by id where several share a name; a missing one is not an error. */
    void deleteNetwork(String nameOrId);

    /**
     * Creates and starts a node container. Its volume (if the spec names one) is made first, carrying the spec's
     * labels and the spec itself, so that {@link #recordedNodes} finds the node after its container is gone; a
     * volume that exists already (a node made again from its record) is used as it is.
     */
    void runNode(NodeSpec spec);

    /**
     * The container {@link #runNode} (for a node) or {@link #createContainer} (otherwise) would make, as a Compose
     * service (file format 2.4) on the Compose network {@code networkKey}, a node with the privileges this engine
     * grants nodes: the same container without kubicle.
     */
    Map<String, Object> composeService(NodeSpec spec, boolean node, String networkKey);

    /**
     * Creates, without starting it, a plain container beside the nodes, such as a cluster's load balancer: the
     * spec's image, entrypoint, labels, network, address and ports, with none of a node's privileges and set-up (its
     * mounts are not used, and its var volume, if named, only records the spec as for {@link #runNode}). Files can
     * be written into it before {@link #startNode} starts it; list, exec, stop and delete treat it as a node.
     */
    void createContainer(NodeSpec spec);

    /**
     * All containers (running or not) that carry every one of these labels; an empty value matches any value of
     * that label.
     */
    List<NodeInfo> listNodes(Map<String, String> labels);

    /**
     * The names of the containers {@link #listNodes} would give, for when a name is all that is needed: an engine
     * may answer this with one call instead of one per node.
     */
    default List<String> nodeNames(Map<String, String> labels) {
        return listNodes(labels).stream().map(NodeInfo::name).toList();
    }

    Optional<NodeInfo> inspectNode(String name);

    /**
     * The specs recorded by {@link #runNode} and {@link #createContainer} for everything carrying these labels,
     * whether its container still exists or not, sorted by name. A record goes when its volume is deleted.
     */
    List<NodeSpec> recordedNodes(Map<String, String> labels);

    /** Runs a command in a running node and waits for it; never throws for a non-zero exit code. */
    ExecResult exec(String node, ExecRequest request);

    /**
     * Runs a command in a running node with streams instead of buffers, for data too large to hold in memory (an
     * image tar going in, a log archive coming out); never throws for a non-zero exit code.
     *
     * @param stdin  fed to the command's standard input and then closed by the caller, or null for no input
     * @param stdout receives the command's standard output as it comes; the result's stdout is empty
     * @return the exit code and the command's standard error
     */
    ExecResult execStreaming(String node, List<String> command, InputStream stdin, OutputStream stdout);

    /** The engine's full description of a node container, as the engine's own JSON (for diagnostics). */
    String inspectJson(String node);

    /** Writes what the node container's main process (its entrypoint) printed, as the engine kept it. */
    void writeNodeLog(String node, OutputStream out);

    /** How many CPUs and how much memory the engine's host has for containers. */
    HostCapacity hostCapacity();

    /** The engine's report of its own version and platform, in the engine's words (for diagnostics). */
    String versionReport();

    /** Unpacks a tar stream into a directory of the node (the directory must not be under a tmpfs mount). */
    void copyTarIn(String node, String directory, InputStream tar);

    /** Writes one file into a node, creating or replacing it. */
    void writeFile(String node, String path, byte[] content, int mode);

    void stopNode(String name);

    void startNode(String name);

    /** Removes a node container, with its anonymous volumes; a missing node is not an error. */
    void deleteNode(String name);

    List<String> volumes(Map<String, String> labels);

    void deleteVolume(String name);

    /** The volumes that carry every one of these labels, by name, each with all its labels. */
    Map<String, Map<String, String>> volumeLabels(Map<String, String> labels);

    /**
     * Copies all of one volume into a new volume carrying these labels, keeping owners, modes, links and extended
     * attributes (where the engine's storage can clone files, as btrfs and XFS can, they are cloned, not copied). A
     * short-lived container of {@code image}, which must hold GNU cp, does the copy: engines have no call for it. A
     * failed or interrupted copy leaves neither the helper nor the new volume behind.
     *
     * @throws dev.kubicle.KubicleException when the target exists already or the copy fails
     */
    void copyVolume(String source, String target, Map<String, String> targetLabels, String image)
            throws InterruptedException;

    /**
     * Makes an existing volume's contents a copy of another's, as {@link #copyVolume} copies, removing what it held
     * first; its labels stay. Stopped containers may mount it, running ones must not. A failed or interrupted copy
     * leaves no helper, but the target half-filled.
     *
     * @throws dev.kubicle.KubicleException when the target does not exist or the copy fails
     */
    void replaceVolumeContents(String source, String target, String image) throws InterruptedException;

    boolean imageExists(String reference);

    /** The image's ID (for Docker the digest of its config, "sha256:..."), or empty when the engine lacks it. */
    Optional<String> imageId(String reference);

    /** The labels of an image on the engine, or empty when the engine has no such image. */
    Optional<Map<String, String>> imageLabels(String reference);

    /** Imports a root filesystem tar as an image, like {@code docker import}. */
    void importImage(InputStream rootfsTar, String reference, List<String> changes);

    /** Pulls an image from its registry; fails with the engine's reason (such as no registry reachable). */
    void pullImage(String reference);

    /** Builds an image from a tar of a build context holding a Dockerfile, without pulling anything. */
    void buildImage(InputStream contextTar, String reference);

    /** Saves images as a {@code docker save} tar stream (readable by {@code ctr images import}). */
    InputStream saveImages(List<String> references);

    /**
     * The images as read from the engine's own storage, whose layers can then be sent one by one; empty where this
     * process cannot read that storage (a remote engine, a storage driver other than Docker's overlay2, Podman, no
     * permission to read it), and then {@link #saveImages} is the way.
     */
    default Optional<List<StoredImage>> storedImages(List<String> references) {
        return Optional.empty();
    }

    /** Commits a container's file system as an image with the given Dockerfile-style changes. */
    void commit(String container, String reference, List<String> changes);

    @Override
    void close();
}
