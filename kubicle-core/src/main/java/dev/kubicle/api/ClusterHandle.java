package dev.kubicle.api;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.cluster.ClusterLogs;
import dev.kubicle.cluster.Clusters;
import dev.kubicle.cluster.ImageLoader;
import dev.kubicle.cluster.Labels;
import dev.kubicle.cluster.NodeOptions;
import dev.kubicle.cluster.NodeRole;
import dev.kubicle.cluster.internal.NodeCommands;
import dev.kubicle.cluster.internal.kubeadm.Kubectl;
import dev.kubicle.cluster.internal.services.ServiceRouting;
import dev.kubicle.progress.Progress;
import dev.kubicle.provider.NodeInfo;
import dev.kubicle.provider.Provider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One cluster on the engine, by name. A handle holds no state of its own: each call looks at the cluster as it is
 * now, so a handle stays valid across stop and start, and a call on a deleted cluster fails with
 * {@link ExitCode#UNEXPECTED_STATE}. Thread-safe.
 */
public final class ClusterHandle {
    private static final Duration WAIT_READY = Duration.ofMinutes(5);

    private final String name;
    private final Provider provider;
    private final Progress progress;
    private final Clusters clusters;

    ClusterHandle(String name, Provider provider, Progress progress, Clusters clusters) {
        this.name = name;
        this.provider = provider;
        this.progress = progress;
        this.clusters = clusters;
    }

    /** @return the cluster's name */
    public String name() {
        return name;
    }

    /**
     * What tells this cluster apart from an earlier one of the same name: the container id of its first control
     * plane, which a delete and create (or a node made again) changes.
     *
     * @return the engine's container id
     */
    public String id() {
        return firstControlPlane().id();
    }

    /** @return the {@link ClusterSpec#hash()} the cluster was created from, empty if not created through this API */
    public Optional<String> specHash() {
        return provider.listNodes(Labels.ofCluster(name)).stream()
                .map(node -> node.labels().get(Kubicle.SPEC_HASH_LABEL)).filter(hash -> hash != null).findFirst();
    }

    /** @return the cluster's nodes (and load balancer), control planes first, then by name */
    public List<NodeSummary> nodes() {
        return provider.listNodes(Labels.ofCluster(name)).stream()
                .sorted(Comparator.comparing((NodeInfo node) -> NodeRole.fromLabel(node.labels().get(Labels.ROLE)))
                        .thenComparing(NodeInfo::name))
                .map(node -> new NodeSummary(node.name(), node.labels().get(Labels.ROLE), node.id(), node.running(),
                        node.ip()))
                .toList();
    }

    /** @return whether every node of the cluster runs */
    public boolean running() {
        List<NodeSummary> nodes = nodes();
        return !nodes.isEmpty() && nodes.stream().allMatch(NodeSummary::running);
    }

    /** @return the admin kubeconfig, pointing at the API server's port published on the host */
    public String kubeconfigYaml() {
        return clusters.kubeconfig(name, false).toYaml();
    }

    /**
     * @return the admin kubeconfig for programs in containers on the cluster's network, pointing at the control
     *         plane's name there
     */
    public String internalKubeconfigYaml() {
        return clusters.kubeconfig(name, true).toYaml();
    }

    /**
     * Writes the admin kubeconfig into a file of its own, readable by its owner only, replacing what was there.
     *
     * @param file where to write
     * @return the file
     */
    public Path writeKubeconfig(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path written = Files.writeString(file, kubeconfigYaml());
            written.toFile().setReadable(false, false);
            written.toFile().setReadable(true, true);
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the kubeconfig of cluster " + name + " to " + file, e);
        }
    }

    /**
     * Runs kubectl on the first control plane with the cluster admin's credentials.
     *
     * @param arguments kubectl's arguments, such as {@code get}, {@code pods}, {@code -A}
     * @return its standard output
     * @throws KubicleException with {@link ExitCode#UNEXPECTED_STATE} when kubectl fails; its
     *                          {@link KubicleException#detail()} holds kubectl's output
     */
    public String kubectl(String... arguments) {
        return exec(firstControlPlane().name(), Kubectl.command(arguments));
    }

    /**
     * Runs kubectl on the first control plane with the given standard input, as in {@code apply -f -}.
     *
     * @param stdin     what kubectl reads, such as a manifest
     * @param arguments kubectl's arguments
     * @return its standard output
     * @throws KubicleException with {@link ExitCode#UNEXPECTED_STATE} when kubectl fails
     */
    public String kubectlWithInput(String stdin, String... arguments) {
        return new NodeCommands(provider, progress).runWithInput(firstControlPlane().name(), stdin,
                Kubectl.command(arguments));
    }

    /**
     * Runs a command in a node.
     *
     * @param node    the node's name
     * @param command the program and its arguments
     * @return its standard output
     * @throws KubicleException with {@link ExitCode#UNEXPECTED_STATE} when it exits non-zero; its
     *                          {@link KubicleException#detail()} holds the command's output
     */
    public String exec(String node, String... command) {
        return new NodeCommands(provider, progress).run(node, command);
    }

    /**
     * Waits until a Service answers from every node: it has a ready endpoint, and each node's kube-proxy routes
     * the Service to all of its ready endpoints. A rollout's end does not promise that (each node's kube-proxy
     * learns of a new pod a moment later), so call this between deploying and calling a Service.
     *
     * @param namespace the Service's namespace, such as {@code default}
     * @param service   the Service's name
     * @param timeout   how long to wait at the most
     * @throws KubicleException with {@link ExitCode#INVALID_INPUT} when there is no such Service, and with
     *                          {@link ExitCode#UNEXPECTED_STATE} when the time is up; its message says which node
     *                          still lacks which endpoint
     */
    public void awaitService(String namespace, String service, Duration timeout) {
        new ServiceRouting(provider, progress).await(name, namespace, service, timeout);
    }

    /**
     * Loads images from the engine into every Kubernetes node's containerd, so that pods use them without a
     * registry (give them {@code imagePullPolicy: Never} or {@code IfNotPresent}). Nodes that hold them already are
     * skipped.
     *
     * @param images references of images on the engine, such as one the test just built
     * @throws KubicleException with {@link ExitCode#INVALID_INPUT} when an image is not on the engine
     */
    public void loadImages(String... images) {
        new ImageLoader(provider, progress).loadEngineImages(name, List.of(images), List.of());
    }

    /**
     * Loads the images of an archive ({@code docker save}'s format, or an OCI layout tar) into every Kubernetes
     * node.
     *
     * @param archive the archive
     */
    public void loadImageArchive(Path archive) {
        new ImageLoader(provider, progress).loadImageArchive(name, archive, List.of());
    }

    /**
     * Writes the cluster's diagnostics (journals, pod logs, container logs; no secrets) into a folder.
     *
     * @param directory the folder, made when missing
     * @return the folder
     */
    public Path exportLogs(Path directory) {
        return new ClusterLogs(provider, progress).export(name, directory, "kubicle library");
    }

    /** Stops every node gracefully; the cluster keeps its state until {@link #start()}. */
    public void stop() {
        clusters.stop(name);
    }

    /** Starts a stopped cluster and waits until every node is Ready again. */
    public void start() {
        clusters.start(name, WAIT_READY);
    }

    /**
     * Adds a worker node and waits until it is Ready.
     *
     * @return the new node's name
     */
    public String addWorker() {
        return clusters.createNode(name, NodeOptions.of(NodeRole.WORKER)).name();
    }

    /**
     * Drains a node and removes it from the cluster; the last control plane is refused.
     *
     * @param node the node's name
     */
    public void deleteNode(String node) {
        clusters.deleteNode(name, node);
    }

    /**
     * Deletes the cluster: containers, volumes, network and kubeconfig entries.
     *
     * @return whether it still existed
     */
    public boolean delete() {
        return clusters.delete(name);
    }

    private NodeInfo firstControlPlane() {
        return provider.listNodes(Labels.ofRole(name, NodeRole.CONTROL_PLANE)).stream()
                .filter(NodeInfo::running).min(Comparator.comparing(NodeInfo::name))
                .orElseThrow(() -> new KubicleException(ExitCode.UNEXPECTED_STATE, "cluster \"" + name
                        + "\" has no running control-plane node; is it stopped or deleted?"));
    }

    @Override
    public String toString() {
        return "ClusterHandle[" + name + "]";
    }
}
