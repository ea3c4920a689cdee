package dev.kubicle.provider;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every container-engine call kubicle makes. The rest of kubicle never knows which engine (Docker now, Podman
 * next, several Docker hosts later) runs its nodes. Nodes and networks are found again through their labels alone,
 * so there is no state file to go stale.
 */
public interface Provider extends AutoCloseable {

    /** A short name for messages, e.g. "docker". */
    String name();

    /** How this engine runs privileged nodes; found out on first use and reported with -v. */
    PrivilegeMode privilegeMode();

    void createNetwork(NetworkSpec spec);

    Optional<NetworkInfo> network(String name);

    /** Networks that carry every one of these labels; an empty value matches any value of that label. */
    List<NetworkInfo> networks(Map<String, String> labels);

    void deleteNetwork(String name);

    /** Creates and starts a node container. */
    void runNode(NodeSpec spec);

    /**
     * All containers (running or not) that carry every one of these labels; an empty value matches any value of
     * that label.
     */
    List<NodeInfo> listNodes(Map<String, String> labels);

    Optional<NodeInfo> inspectNode(String name);

    /** Runs a command in a running node and waits for it; never throws for a non-zero exit code. */
    ExecResult exec(String node, ExecRequest request);

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

    boolean imageExists(String reference);

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

    /** Commits a container's file system as an image with the given Dockerfile-style changes. */
    void commit(String container, String reference, List<String> changes);

    @Override
    void close();
}
