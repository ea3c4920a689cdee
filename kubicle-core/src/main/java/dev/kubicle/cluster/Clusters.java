package dev.kubicle.cluster;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.cluster.internal.Action;
import dev.kubicle.cluster.internal.ActionContext;
import dev.kubicle.cluster.internal.AtOnceAction;
import dev.kubicle.cluster.internal.ClusterCreator;
import dev.kubicle.cluster.internal.ClusterDeleter;
import dev.kubicle.cluster.internal.Parallel;
import dev.kubicle.cluster.internal.Pipeline;
import dev.kubicle.cluster.internal.compose.ComposeExport;
import dev.kubicle.cluster.internal.compose.RunningClusterConfig;
import dev.kubicle.cluster.internal.create.ConfigureContainerdAction;
import dev.kubicle.cluster.internal.create.ConfigureLoadBalancerAction;
import dev.kubicle.cluster.internal.create.EnsureNodeImagesAction;
import dev.kubicle.cluster.internal.create.ExportKubeconfigAction;
import dev.kubicle.cluster.internal.create.InstallDefaultManifestsAction;
import dev.kubicle.cluster.internal.create.JoinNodesAction;
import dev.kubicle.cluster.internal.create.KubeadmInitAction;
import dev.kubicle.cluster.internal.create.LimitNodeResourcesAction;
import dev.kubicle.cluster.internal.create.ProvisionNodesAction;
import dev.kubicle.cluster.internal.create.WaitForNodesBootedAction;
import dev.kubicle.cluster.internal.create.WaitForNodesReadyAction;
import dev.kubicle.cluster.internal.create.WriteKubeadmConfigAction;
import dev.kubicle.cluster.internal.lifecycle.ClusterLifecycle;
import dev.kubicle.cluster.internal.nodes.NodeChanges;
import dev.kubicle.config.Cluster;
import dev.kubicle.config.ConfigValidator;
import dev.kubicle.config.Engine;
import dev.kubicle.kubeconfig.Kubeconfig;
import dev.kubicle.kubeconfig.KubeconfigFiles;
import dev.kubicle.progress.Progress;
import dev.kubicle.provider.HostCapacity;
import dev.kubicle.provider.NodeInfo;
import dev.kubicle.provider.Provider;
import dev.kubicle.provider.factory.ProviderFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * kubicle's library entry point: create, list and delete clusters on one engine (or, for a config with
 * {@code engines}, spread over several). The command line is a thin layer
 * over this class, and Java programs use it the same way:
 * <pre>{@code
 * try (Provider docker = ProviderFactory.connect("docker")) {
 *     Clusters clusters = new Clusters(docker, Progress.silent(), NodeImageBuilder.none());
 *     clusters.create(ConfigFiles.defaultCluster(), CreateOptions.defaults());
 * }
 * }</pre>
 */
public final class Clusters {
    private final Provider provider;
    private final Progress progress;
    private final NodeImageBuilder imageBuilder;
    private final KubeconfigFiles kubeconfigs;

    /** Clusters whose kubeconfigs go where kubectl looks: $KUBECONFIG, or ~/.kube/config. */
    public Clusters(Provider provider, Progress progress, NodeImageBuilder imageBuilder) {
        this(provider, progress, imageBuilder, KubeconfigFiles.fromEnvironment());
    }

    public Clusters(Provider provider, Progress progress, NodeImageBuilder imageBuilder, KubeconfigFiles kubeconfigs) {
        this.provider = Objects.requireNonNull(provider);
        this.progress = Objects.requireNonNull(progress);
        this.imageBuilder = Objects.requireNonNull(imageBuilder);
        this.kubeconfigs = Objects.requireNonNull(kubeconfigs);
    }

    /** Creates a cluster from a defaulted, validated config; on failure nothing is left unless retained. */
    public ClusterPlan create(Cluster config, CreateOptions options) {
        return create(config, options, Map.of());
    }

    /**
     * {@link #create(Cluster, CreateOptions)} with more labels on every container, such as a library's mark to find
     * the cluster again by; kubicle's own labels ({@code dev.kubicle.cluster}, ...) cannot be overridden.
     */
    public ClusterPlan create(Cluster config, CreateOptions options, Map<String, String> extraLabels) {
        if (!config.spreadOverEngines()) {
            return create(provider, config, options, extraLabels);
        }
        try (Provider engines = ProviderFactory.connectEngines(config.engines().stream().map(Engine::host).toList())) {
            progress.detail("spreading the nodes over " + engines.describe());
            return create(engines, config, options, extraLabels);
        }
    }

    private ClusterPlan create(Provider engine, Cluster config, CreateOptions options,
            Map<String, String> extraLabels) {
        checkFitsHost(engine, config, "the config of cluster \"" + config.name() + "\"");
        ClusterPlan plan = ClusterPlanner.plan(config).withExtraContainerLabels(extraLabels);
        if (options.kubernetes()) {
            // The export would find a kubeconfig it cannot merge into only at the end, after the cluster was made, to
            // be deleted again: it is read first, and a create that cannot use it makes nothing and changes nothing.
            kubeconfigs.read(kubeconfigs.fileToWrite());
        }
        new ClusterCreator(engine, progress, kubeconfigs).create(plan, createPipeline(plan, options),
                options.retain());
        return plan;
    }

    /**
     * Checks nodes' resource limits against what the engine's host has; create does it too, but cannot name the file.
     *
     * @param sourceName how problems name the config's origin, usually its file name
     * @throws dev.kubicle.config.ConfigException listing every limit the host cannot give
     */
    public void checkFitsHost(Cluster config, String sourceName) {
        checkFitsHost(provider, config, sourceName);
    }

    private static void checkFitsHost(Provider provider, Cluster config, String sourceName) {
        if (config.nodes().stream().anyMatch(node -> node.resources() != null)) {
            HostCapacity host = provider.hostCapacity();
            ConfigValidator.validateOnHost(config, host.cpus(), host.memoryBytes(), sourceName);
        }
    }

    /** The steps a create of this plan runs, in order. */
    Pipeline<ActionContext> createPipeline(ClusterPlan plan, CreateOptions options) {
        List<NodePlan> containers = new ArrayList<>(plan.nodes());
        plan.loadBalancer().ifPresent(containers::add);
        List<Action<ActionContext>> actions = new ArrayList<>(List.of(
                new EnsureNodeImagesAction(containers, imageBuilder, options.buildImages()),
                new ProvisionNodesAction(plan.nodes().size()),
                new WaitForNodesBootedAction(options.bootTimeout())));
        if (plan.nodes().stream().anyMatch(node -> !node.resources().isEmpty())) {
            actions.add(new LimitNodeResourcesAction());
        }
        ConfigureContainerdAction containerd = new ConfigureContainerdAction(plan.config());
        if (containerd.hasWork()) {
            actions.add(containerd);
        }
        if (!options.kubernetes()) {
            return new Pipeline<>(actions);
        }
        if (plan.loadBalancer().isPresent()) {
            actions.add(new ConfigureLoadBalancerAction());
        }
        actions.add(new WriteKubeadmConfigAction());
        actions.add(new KubeadmInitAction());
        boolean defaultCni = !Boolean.TRUE.equals(plan.config().networking().disableDefaultCNI());
        InstallDefaultManifestsAction manifests = InstallDefaultManifestsAction.of(defaultCni);
        JoinNodesAction join = new JoinNodesAction(plan.nodes());
        if (!join.hasWork()) {
            actions.add(manifests);
        } else if (join.joinsControlPlanes()) {
            // A joining control plane adds an etcd member, and etcd holds writes until the member runs: an apply
            // at that moment could fail, so the manifests go in first.
            actions.add(manifests);
            actions.add(join);
        } else {
            // Workers need neither manifest to join (each node's pod range and CNI config are written before its
            // kubelet starts), so their joins run while the manifests are applied.
            actions.add(new AtOnceAction<>(List.of(manifests, join)));
        }
        if (!options.waitReady().isZero()) {
            actions.add(new WaitForNodesReadyAction(options.waitReady(), defaultCni));
        }
        actions.add(new ExportKubeconfigAction(kubeconfigs));
        return new Pipeline<>(actions);
    }

    /** @return whether a cluster of that name was found */
    public boolean delete(String name) {
        progress.headline("Deleting cluster \"" + name + "\" ...");
        try (Parallel parallel = new Parallel()) {
            // The kubeconfig entries go whatever the engine says (kind removes them before the nodes), so the files
            // are rewritten while the engine works.
            Future<?> kubeconfig = parallel.start(() -> kubeconfigs.removeFromAll(name));
            boolean found;
            try {
                found = new ClusterDeleter(provider, parallel).delete(name);
            } catch (RuntimeException e) {
                // Closing the pool interrupts its threads: the files are finished first.
                parallel.awaitQuietly(kubeconfig);
                throw e;
            }
            parallel.await(kubeconfig);
            return found;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KubicleException(ExitCode.INTERRUPTED, "interrupted while deleting cluster \"" + name + "\"");
        }
    }

    /** The cluster's admin kubeconfig; {@code internal} for use from containers on the cluster's network. */
    public Kubeconfig kubeconfig(String cluster, boolean internal) {
        return new ClusterKubeconfigs(provider).get(cluster, internal);
    }

    /**
     * Writes the cluster's kubeconfig where kubectl looks and makes its context current.
     *
     * @return the file written
     */
    public Path exportKubeconfig(String cluster) {
        return new ClusterKubeconfigs(provider).export(cluster, kubeconfigs);
    }

    /**
     * Writes a Compose project into {@code directory} that brings the cluster of this config up with
     * {@code docker-compose up -d} alone; creates nothing on the engine.
     *
     * @param source where the config comes from (its file), for messages about what it lacks
     * @return the Compose file written
     */
    public Path exportCompose(Cluster config, Path directory, String source) {
        return new ComposeExport(provider).write(ClusterPlanner.plan(config), directory, source);
    }

    /**
     * Writes a running cluster as a Compose project: the config its create recorded, at the subnet, addresses and
     * API server port the cluster has. Compose brings up a new cluster of that shape (fresh state), which cannot run
     * beside this one on the same engine: the names and addresses are the same.
     *
     * @return the Compose file written
     */
    public Path exportCompose(String name, Path directory) {
        Cluster config = RunningClusterConfig.of(provider, progress, name);
        return new ComposeExport(provider).write(ClusterPlanner.plan(config), directory, "cluster " + name);
    }

    /** The names of all clusters on the engine, sorted. */
    public List<String> list() {
        return summaries().stream().map(ClusterSummary::name).toList();
    }

    /**
     * Every cluster on the engine with its state, sorted by name; a cluster whose containers were all removed by
     * hand, but whose volumes remain, is listed as stopped (start makes it again).
     */
    public List<ClusterSummary> summaries() {
        Map<String, List<NodeInfo>> containers = provider.listNodes(Labels.anyCluster()).stream()
                .collect(Collectors.groupingBy(node -> node.labels().get(Labels.CLUSTER)));
        Map<String, Long> recorded = provider.recordedNodes(Labels.anyCluster()).stream()
                .collect(Collectors.groupingBy(spec -> spec.labels().get(Labels.CLUSTER), Collectors.counting()));
        Set<String> names = new TreeSet<>(containers.keySet());
        names.addAll(recorded.keySet());
        return names.stream().map(name -> new ClusterSummary(name, ClusterState.of(
                containers.getOrDefault(name, List.of()), recorded.getOrDefault(name, 0L).intValue()))).toList();
    }

    /**
     * Stops a cluster gracefully (kubelets, then workers, the load balancer and the control planes); it stays
     * stopped across engine restarts until {@link #start}.
     */
    public void stop(String name) {
        new ClusterLifecycle(provider, progress).stop(name);
    }

    /**
     * Starts a stopped (or partly running) cluster: nodes whose containers are gone are made again from their
     * volumes, control planes start first, and it waits up to {@code waitReady} for every node to be Ready.
     */
    public void start(String name, Duration waitReady) {
        new ClusterLifecycle(provider, progress).start(name, waitReady);
    }

    /**
     * Adds a node to a running cluster: a container at the next free address (or the given one) on the image of its
     * peers (or the given one), joined with kubeadm, routed into the pod network, and, for a control plane, behind
     * the load balancer. A cluster made with one control plane has no load balancer and cannot gain control planes.
     * A failed add removes what it made unless retained.
     *
     * @return the new node
     */
    public ClusterNode createNode(String cluster, NodeOptions options) {
        String name = new NodeChanges(provider, progress).add(cluster, options);
        return nodes(cluster).stream().filter(node -> node.name().equals(name)).findFirst().orElseThrow();
    }

    /**
     * Removes a node from its cluster: drained first, so that its workload moves to other nodes, a control plane
     * taken out of etcd and the load balancer, then its Node object, container and volume. A cluster's last control
     * plane is refused.
     */
    public void deleteNode(String cluster, String node) {
        new NodeChanges(provider, progress).remove(cluster, node);
    }

    /** {@link #deleteNode(String, String)} for the cluster the node's labels name. */
    public void deleteNode(String node) {
        NodeChanges changes = new NodeChanges(provider, progress);
        changes.remove(changes.clusterOf(node), node);
    }

    /** The nodes of one cluster, control planes first, then by name. */
    public List<ClusterNode> nodes(String cluster) {
        return provider.listNodes(Labels.ofCluster(cluster)).stream()
                .map(Clusters::toClusterNode)
                .sorted(Comparator.comparing(ClusterNode::role).thenComparing(ClusterNode::name))
                .toList();
    }

    private static ClusterNode toClusterNode(NodeInfo node) {
        return new ClusterNode(node.name(), NodeRole.fromLabel(node.labels().get(Labels.ROLE)), node.state(),
                node.ip(), node.image());
    }
}
