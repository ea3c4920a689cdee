package dev.kubicle.provider.docker;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.provider.EngineLabels;
import dev.kubicle.provider.ExecRequest;
import dev.kubicle.provider.ExecResult;
import dev.kubicle.provider.HostCapacity;
import dev.kubicle.provider.NetworkInfo;
import dev.kubicle.provider.NetworkSpec;
import dev.kubicle.provider.NodeInfo;
import dev.kubicle.provider.NodePrivileges;
import dev.kubicle.provider.NodeSpec;
import dev.kubicle.provider.Provider;
import dev.kubicle.provider.StoredImage;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Several Docker engines joined into one Docker Swarm, seen as one engine: each node lives on the engine its
 * {@link EngineLabels#ENGINE} names, and a cluster's network is a swarm-scoped attachable overlay network (VXLAN between
 * the engines' hosts), on which containers of every engine get the fixed addresses kubicle gives them. The overlay is
 * Docker's own multi-host networking; kubicle only makes the network and places the containers.
 * <p>
 * The first engine is the home engine: it makes, lists and deletes networks (it must be a swarm manager, which sees
 * every swarm network), and runs containers that name no engine (a load balancer). A call about one container goes
 * to the engine that has it; listings are the union over every engine.
 */
public final class MultiEngineProvider implements Provider {
    private final Map<String, DockerProvider> engines;
    private final DockerProvider home;
    private final Map<String, DockerProvider> located = new ConcurrentHashMap<>();

    private MultiEngineProvider(Map<String, DockerProvider> engines) {
        this.engines = engines;
        this.home = engines.values().iterator().next();
    }

    /**
     * Connects to every engine named, the first the home engine.
     *
     * @param hosts engine addresses as DOCKER_HOST takes them, in order
     */
    public static Provider connect(List<String> hosts) {
        Map<String, DockerProvider> connected = new LinkedHashMap<>();
        try {
            for (String host : hosts) {
                connected.put(host, DockerProvider.connect(host));
            }
        } catch (RuntimeException unreachable) {
            connected.values().forEach(DockerProvider::close);
            throw unreachable;
        }
        return new MultiEngineProvider(connected);
    }

    /**
     * The engine connected to, alone when it holds no cluster spread over engines, else together with every engine
     * those clusters' networks name, the connected one being home.
     */
    public static Provider around(DockerProvider connected) {
        List<String> others = connected.networks(Map.of(EngineLabels.ENGINES, "")).stream()
                .flatMap(network -> List.of(network.labels().get(EngineLabels.ENGINES).split(",")).stream())
                .filter(host -> !host.isBlank() && !host.equals(connected.connection().host().toString()))
                .distinct().toList();
        if (others.isEmpty()) {
            return connected;
        }
        Map<String, DockerProvider> all = new LinkedHashMap<>();
        all.put(connected.connection().host().toString(), connected);
        try {
            others.forEach(host -> all.put(host, DockerProvider.connect(host)));
        } catch (RuntimeException unreachable) {
            all.values().forEach(DockerProvider::close);
            throw unreachable;
        }
        return new MultiEngineProvider(all);
    }

    @Override
    public String name() {
        return home.name();
    }

    @Override
    public String describe() {
        return engines.values().stream().map(DockerProvider::describe)
                .collect(Collectors.joining(", ", engines.size() + " engines of one swarm: ", ""));
    }

    @Override
    public NodePrivileges nodePrivileges() {
        return home.nodePrivileges();
    }

    /** The overlay network, labelled with every engine's address (see {@link EngineLabels#ENGINES}). */
    @Override
    public String createNetwork(NetworkSpec spec) {
        Map<String, String> labels = new TreeMap<>(spec.labels());
        labels.put(EngineLabels.ENGINES, String.join(",", engines.keySet()));
        return home.createSpreadNetwork(new NetworkSpec(spec.name(), spec.subnet(), spec.ipv6Subnet(), labels));
    }

    @Override
    public Optional<NetworkInfo> network(String name) {
        return home.network(name);
    }

    @Override
    public List<NetworkInfo> networks(Map<String, String> labels) {
        return home.networks(labels);
    }

    @Override
    public void deleteNetwork(String nameOrId) {
        home.deleteNetwork(nameOrId);
    }

    @Override
    public void runNode(NodeSpec spec) {
        placed(spec).runNode(spec);
    }

    @Override
    public Map<String, Object> composeService(NodeSpec spec, boolean node, String networkKey) {
        return placed(spec).composeService(spec, node, networkKey);
    }

    @Override
    public void createContainer(NodeSpec spec) {
        placed(spec).createContainer(spec);
    }

    /** The engine a new container goes to, remembered for the calls about it that follow. */
    private DockerProvider placed(NodeSpec spec) {
        String host = spec.labels().get(EngineLabels.ENGINE);
        DockerProvider engine = host == null ? home : engines.get(host);
        if (engine == null) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE, "container " + spec.name() + " belongs on engine "
                    + host + ", which is not one of " + String.join(", ", engines.keySet())
                    + "; connect to that engine's swarm (DOCKER_HOST) and try again");
        }
        located.put(spec.name(), engine);
        return engine;
    }

    @Override
    public List<NodeInfo> listNodes(Map<String, String> labels) {
        return union(engine -> engine.listNodes(labels), Comparator.comparing(NodeInfo::name));
    }

    @Override
    public Optional<NodeInfo> inspectNode(String name) {
        return engineOf(name).inspectNode(name);
    }

    @Override
    public List<NodeSpec> recordedNodes(Map<String, String> labels) {
        return union(engine -> engine.recordedNodes(labels), Comparator.comparing(NodeSpec::name));
    }

    @Override
    public ExecResult exec(String node, ExecRequest request) {
        return engineOf(node).exec(node, request);
    }

    @Override
    public ExecResult execStreaming(String node, List<String> command, InputStream stdin, OutputStream stdout) {
        return engineOf(node).execStreaming(node, command, stdin, stdout);
    }

    @Override
    public String inspectJson(String node) {
        return engineOf(node).inspectJson(node);
    }

    @Override
    public void writeNodeLog(String node, OutputStream out) {
        engineOf(node).writeNodeLog(node, out);
    }

    /** The smallest engine's: a node's limits must fit whichever engine it lands on. */
    @Override
    public HostCapacity hostCapacity() {
        List<HostCapacity> all = engines.values().stream().map(DockerProvider::hostCapacity).toList();
        return new HostCapacity(all.stream().mapToInt(HostCapacity::cpus).min().orElseThrow(),
                all.stream().mapToLong(HostCapacity::memoryBytes).min().orElseThrow());
    }

    @Override
    public String versionReport() {
        return engines.entrySet().stream().map(entry -> "engine " + entry.getKey() + ":\n"
                + entry.getValue().versionReport()).collect(Collectors.joining("\n"));
    }

    @Override
    public void copyTarIn(String node, String directory, InputStream tar) {
        engineOf(node).copyTarIn(node, directory, tar);
    }

    @Override
    public void writeFile(String node, String path, byte[] content, int mode) {
        engineOf(node).writeFile(node, path, content, mode);
    }

    @Override
    public void stopNode(String name) {
        engineOf(name).stopNode(name);
    }

    @Override
    public void startNode(String name) {
        engineOf(name).startNode(name);
    }

    @Override
    public void deleteNode(String name) {
        engineOf(name).deleteNode(name);
        located.remove(name);
    }

    @Override
    public List<String> volumes(Map<String, String> labels) {
        return union(engine -> engine.volumes(labels), Comparator.<String>naturalOrder());
    }

    /** Volume names are the nodes' own, so at most one engine has it; the others have nothing to delete. */
    @Override
    public void deleteVolume(String name) {
        engines.values().forEach(engine -> engine.deleteVolume(name));
    }

    @Override
    public Map<String, Map<String, String>> volumeLabels(Map<String, String> labels) {
        Map<String, Map<String, String>> all = new TreeMap<>();
        engines.values().forEach(engine -> all.putAll(engine.volumeLabels(labels)));
        return all;
    }

    /** On the engine that has the source: a node's copy then stays where the node runs, and comes back there. */
    @Override
    public void copyVolume(String source, String target, Map<String, String> targetLabels, String image)
            throws InterruptedException {
        engineWithVolume(source).copyVolume(source, target, targetLabels, image);
    }

    @Override
    public void replaceVolumeContents(String source, String target, String image) throws InterruptedException {
        engineWithVolume(source).replaceVolumeContents(source, target, image);
    }

    private DockerProvider engineWithVolume(String volume) {
        return engines.values().stream().filter(engine -> engine.hasVolume(volume)).findFirst().orElse(home);
    }

    @Override
    public boolean imageExists(String reference) {
        return engines.values().stream().allMatch(engine -> engine.imageExists(reference));
    }

    /** The ID of the image on the first engine that holds it, the one {@link #saveImages} saves it from. */
    @Override
    public Optional<String> imageId(String reference) {
        return engines.values().stream().map(engine -> engine.imageId(reference)).flatMap(Optional::stream)
                .findFirst();
    }

    /**
     * The labels of an image every engine holds with the same ID, else empty: they tell whether a node image is
     * current, and a node may run on any of the engines.
     */
    @Override
    public Optional<Map<String, String>> imageLabels(String reference) {
        Optional<String> id = home.imageId(reference);
        return id.isPresent() && engines.values().stream().allMatch(engine -> engine.imageId(reference).equals(id))
                ? home.imageLabels(reference) : Optional.empty();
    }

    @Override
    public void importImage(InputStream rootfsTar, String reference, List<String> changes) {
        throw copyImageYourself(reference);
    }

    @Override
    public void pullImage(String reference) {
        engines.values().stream().filter(engine -> !engine.imageExists(reference))
                .forEach(engine -> engine.pullImage(reference));
    }

    @Override
    public void buildImage(InputStream contextTar, String reference) {
        throw copyImageYourself(reference);
    }

    @Override
    public InputStream saveImages(List<String> references) {
        return holderOf(references).saveImages(references);
    }

    @Override
    public Optional<List<StoredImage>> storedImages(List<String> references) {
        return holderOf(references).storedImages(references);
    }

    /** The first engine that holds every image asked for, the one to save or read them from. */
    private Provider holderOf(List<String> references) {
        return engines.values().stream()
                .filter(engine -> references.stream().allMatch(engine::imageExists))
                .findFirst().orElse(home);
    }

    @Override
    public void commit(String container, String reference, List<String> changes) {
        throw copyImageYourself(reference);
    }

    private KubicleException copyImageYourself(String reference) {
        String missing = engines.entrySet().stream().filter(entry -> !entry.getValue().imageExists(reference))
                .map(Map.Entry::getKey).collect(Collectors.joining(", "));
        return new KubicleException(ExitCode.UNEXPECTED_STATE, "image " + reference + " is missing on engine "
                + (missing.isEmpty() ? "(none)" : missing) + "; kubicle builds images on one engine only: build it"
                + " there, then copy it into every engine (docker save " + reference + " | docker -H HOST load)");
    }

    @Override
    public void close() {
        engines.values().forEach(DockerProvider::close);
    }

    /** The engine holding the container, else home (whose answer for a missing container is the right one). */
    private DockerProvider engineOf(String container) {
        DockerProvider known = located.get(container);
        if (known != null) {
            return known;
        }
        for (DockerProvider engine : engines.values()) {
            if (engine.inspectNode(container).isPresent()) {
                located.put(container, engine);
                return engine;
            }
        }
        return home;
    }

    private <T> List<T> union(Function<DockerProvider, List<T>> listing, Comparator<T> order) {
        List<T> all = new ArrayList<>();
        engines.values().forEach(engine -> all.addAll(listing.apply(engine)));
        all.sort(order);
        return List.copyOf(all);
    }
}
