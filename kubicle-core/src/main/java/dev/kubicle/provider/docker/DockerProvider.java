package dev.kubicle.provider.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Info;
import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.provider.ExecRequest;
import dev.kubicle.provider.ExecResult;
import dev.kubicle.provider.HostCapacity;
import dev.kubicle.provider.NetworkInfo;
import dev.kubicle.provider.NetworkSpec;
import dev.kubicle.provider.NodeInfo;
import dev.kubicle.provider.NodePrivileges;
import dev.kubicle.provider.NodeSpec;
import dev.kubicle.provider.NodeSpecRecord;
import dev.kubicle.provider.PortSpec;
import dev.kubicle.provider.Provider;
import dev.kubicle.provider.StoredImage;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Runs nodes on a Docker engine through its API (docker-java; never the docker CLI). One instance is shared by all
 * threads of an operation. How nodes are privileged is found out on first use and kept: see {@link PrivilegeChoice}.
 * {@link PodmanProvider} is this provider with Podman's few differences.
 */
public sealed class DockerProvider implements Provider permits PodmanProvider {
    private static final int REMOVE_ATTEMPTS = 3;
    /** Time systemd gets to shut a node down before the engine kills it. */
    static final int STOP_TIMEOUT_SECONDS = 10;

    private final EngineConnection connection;
    private final DockerClient client;
    private final DockerNetworks networks;
    private final DockerImages images;
    private final NodeExec exec;
    private final PrivilegeChoice privileges;

    DockerProvider(EngineConnection connection) {
        this.connection = connection;
        this.client = connection.client();
        this.networks = new DockerNetworks(client);
        this.images = new DockerImages(client, connection.raw());
        this.exec = new NodeExec(client, connection.raw(),
                new HijackedExecStart(connection.host(), connection.tls(), connection.apiVersion()));
        List<Capability> lacking = connection.hostFacts().lackingCapabilities();
        this.privileges = new PrivilegeChoice(lacking.stream().map(Capabilities::linuxName).toList(),
                () -> new PrivilegeProbe(client, images).unavailableCapabilities(lacking));
    }

    /** Connects to the engine named by DOCKER_HOST, else the local socket, speaking the API version both know. */
    public static DockerProvider connect() {
        return connect(null);
    }

    /** @param dockerHost e.g. "unix:///var/run/docker.sock" or "tcp://host:2375"; null for the default */
    public static DockerProvider connect(String dockerHost) {
        return new DockerProvider(EngineConnection.open(dockerHost, EngineProduct.DOCKER));
    }

    /** The connection behind this provider, for tests that look past the Provider interface. */
    EngineConnection connection() {
        return connection;
    }

    @Override
    public String name() {
        return connection.product().label();
    }

    /** The engine's version and the API version spoken, e.g. "Docker 20.10.24 at unix:///... (API 1.41)". */
    @Override
    public String describe() {
        return connection.product().title() + " " + connection.engineVersion() + " at " + connection.host() + " (API "
                + connection.apiVersion().getVersion() + ")";
    }

    @Override
    public NodePrivileges nodePrivileges() {
        return privileges.chosen().orElseGet(() -> new PrivilegeProbe(client, images).decide(privileges));
    }

    @Override
    public String createNetwork(NetworkSpec spec) {
        return networks.create(spec);
    }

    /**
     * A swarm-scoped attachable overlay network instead of a bridge, for a cluster spread over the engines of this
     * engine's swarm (see {@link MultiEngineProvider}); this engine must be a swarm manager.
     */
    String createSpreadNetwork(NetworkSpec spec) {
        return networks.createOverlay(spec);
    }

    @Override
    public Optional<NetworkInfo> network(String name) {
        return networks.inspect(name);
    }

    @Override
    public List<NetworkInfo> networks(Map<String, String> labels) {
        return networks.list(labels);
    }

    @Override
    public void deleteNetwork(String nameOrId) {
        networks.delete(nameOrId);
    }

    @Override
    public void runNode(NodeSpec requested) {
        NodeSpec spec = connection.local() ? withStablePorts(requested) : requested;
        record(spec);
        privileges.run(granted -> createAndStart(spec, granted), () -> removeContainer(spec.name()));
    }

    @Override
    public Map<String, Object> composeService(NodeSpec spec, boolean node, String networkKey) {
        return (node ? ComposeServiceConfig.ofNode(spec, nodePrivileges(), connection.hostFacts())
                : ComposeServiceConfig.ofPlainContainer(spec)).service(networkKey);
    }

    @Override
    public void createContainer(NodeSpec requested) {
        NodeSpec spec = connection.local() ? withStablePorts(requested) : requested;
        record(spec);
        try {
            new PlainContainerConfig(spec.withPorts(enginePorts(spec.ports())))
                    .applyTo(client.createContainerCmd(spec.image())).exec();
        } catch (ConflictException e) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE, "a container named " + spec.name()
                    + " already exists; delete it or the cluster it belongs to first", e);
        } catch (DockerException e) {
            throw EngineErrors.failed("create container " + spec.name() + " from " + spec.image(), e);
        }
    }

    /**
     * The spec goes on the node's volume as a label, with the host ports as resolved: the volume outlives the
     * container, and an existing volume (a node made again) keeps the record it has.
     */
    private void record(NodeSpec spec) {
        if (!spec.hasVarVolume()) {
            return;
        }
        Map<String, String> labels = new TreeMap<>(spec.labels());
        labels.put(NodeSpecRecord.LABEL, NodeSpecRecord.write(spec));
        try {
            client.createVolumeCmd().withName(spec.varVolume()).withLabels(labels).exec();
        } catch (DockerException e) {
            throw EngineErrors.failed("create volume " + spec.varVolume() + " for node " + spec.name(), e);
        }
    }

    @Override
    public List<NodeSpec> recordedNodes(Map<String, String> labels) {
        List<InspectVolumeResponse> found = client.listVolumesCmd()
                .withFilter("label", LabelFilters.of(labels)).exec().getVolumes();
        if (found == null) {
            return List.of();
        }
        return found.stream()
                .map(volume -> volume.getLabels() == null ? null : volume.getLabels().get(NodeSpecRecord.LABEL))
                .filter(Objects::nonNull)
                .map(NodeSpecRecord::read)
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(NodeSpec::name))
                .toList();
    }

    private static NodeSpec withStablePorts(NodeSpec spec) {
        return spec.withPorts(StableHostPorts.resolve(spec.ports()));
    }

    /** The ports as this engine must be asked to publish them; the recorded spec keeps them as the config says. */
    List<PortSpec> enginePorts(List<PortSpec> ports) {
        return ports;
    }

    private void createAndStart(NodeSpec spec, NodePrivileges privileges) {
        CreateContainerCmd create = client.createContainerCmd(spec.image());
        try {
            new NodeContainerConfig(spec.withPorts(enginePorts(spec.ports())), privileges, connection.hostFacts())
                    .applyTo(create).exec();
        } catch (ConflictException e) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE, "a container named " + spec.name()
                    + " already exists; delete it or the cluster it belongs to first", e);
        } catch (DockerException e) {
            String message = EngineErrors.message(e);
            String hint = message.contains("No such image") ? "; kubicle never pulls: build or load it first" : "";
            throw new KubicleException(ExitCode.UNEXPECTED_STATE,
                    "cannot create node " + spec.name() + " from " + spec.image() + ": " + message + hint, e);
        }
        try {
            client.startContainerCmd(spec.name()).exec();
        } catch (DockerException e) {
            // The message keeps the engine's words, which PrivilegeFallback reads to decide on a fallback.
            KubicleException failed = EngineErrors.failed("start node " + spec.name() + " (" + privileges.mode().name()
                    .toLowerCase(Locale.ROOT) + ")", e);
            if (failed.getMessage().contains("protocol not supported")
                    && spec.ports().stream().anyMatch(port -> port.protocol().equalsIgnoreCase("sctp"))) {
                // The engine's userland proxy opens an SCTP socket on the host, which a kernel without SCTP refuses.
                throw new KubicleException(ExitCode.INVALID_INPUT, failed.getMessage() + "; the engine's host "
                        + "cannot publish SCTP ports (its kernel has no SCTP): drop protocol SCTP from "
                        + "extraPortMappings here", e);
            }
            String hint = startFailureHint(failed.getMessage());
            throw hint.isEmpty() ? failed : new KubicleException(failed.exitCode(), failed.getMessage() + hint, e);
        }
    }

    /** What to do about a node that the engine refused to start, when this engine is known to refuse for it. */
    String startFailureHint(String message) {
        return "";
    }

    @Override
    public List<NodeInfo> listNodes(Map<String, String> labels) {
        List<Container> containers = client.listContainersCmd().withShowAll(true)
                .withFilter("label", LabelFilters.of(labels)).exec();
        return containers.stream()
                .map(container -> inspectNode(container.getId()))
                // A node deleted between list and inspect is simply gone.
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(NodeInfo::name))
                .toList();
    }

    @Override
    public List<String> nodeNames(Map<String, String> labels) {
        // The listing already holds the names. Read as a plain tree it also skips building docker-java's
        // deserialisers for every field of a container: 20 ms instead of 100 on a fresh JVM, which delete waits for.
        JsonNode containers = connection.raw().getDocument("/containers/json" + EngineHttp.queryString(Map.of(
                "all", List.of("true"), "filters", List.of(LabelFilters.asQueryParameter(labels)))));
        List<String> names = new ArrayList<>();
        for (JsonNode container : containers) {
            names.add(ownName(container));
        }
        names.sort(Comparator.naturalOrder());
        return names;
    }

    /** The engine also lists the names other containers link to it by ("/other/alias"); those have two slashes. */
    private static String ownName(JsonNode container) {
        for (JsonNode name : container.path("Names")) {
            if (name.asText().lastIndexOf('/') == 0) {
                return name.asText().substring(1);
            }
        }
        return container.path("Id").asText();
    }

    @Override
    public Optional<NodeInfo> inspectNode(String name) {
        try {
            NodeInfo node = NodeInfos.of(client.inspectContainerCmd(name).exec());
            // The engine also finds containers by id prefix; only the exact name or full id counts.
            return node.name().equals(name) || node.id().equals(name) ? Optional.of(node) : Optional.empty();
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public ExecResult exec(String node, ExecRequest request) {
        return exec.run(node, request);
    }

    @Override
    public ExecResult execStreaming(String node, List<String> command, InputStream stdin, OutputStream stdout) {
        return exec.stream(node, command, Map.of(), stdin, stdout);
    }

    @Override
    public String inspectJson(String node) {
        try {
            return EngineJson.pretty(connection.raw().get("/containers/" + node + "/json"));
        } catch (EngineHttp.EngineCallException e) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE, "cannot inspect node " + node + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void writeNodeLog(String node, OutputStream out) {
        new ContainerLog(client).write(node, out);
    }

    @Override
    public HostCapacity hostCapacity() {
        try {
            Info info = client.infoCmd().exec();
            return new HostCapacity(info.getNCPU(), info.getMemTotal());
        } catch (DockerException e) {
            throw EngineErrors.failed("read the engine's host size", e);
        }
    }

    @Override
    public String versionReport() {
        return describe() + "\n" + EngineJson.pretty(connection.raw().get("/version"));
    }

    @Override
    public void copyTarIn(String node, String directory, InputStream tar) {
        try {
            client.copyArchiveToContainerCmd(node).withRemotePath(directory).withTarInputStream(tar).exec();
        } catch (DockerException e) {
            throw EngineErrors.failed("copy files into " + directory + " of node " + node, e);
        }
    }

    @Override
    public void writeFile(String node, String path, byte[] content, int mode) {
        String relative = path.replaceFirst("^/+", "");
        if (relative.equals("tmp") || relative.startsWith("tmp/") || relative.equals("run")
                || relative.startsWith("run/")) {
            // A copy into a tmpfs mount lands in the image layer hidden beneath it.
            throw new KubicleException(ExitCode.INTERNAL, "cannot write " + path + " into node " + node
                    + ": /tmp and /run are tmpfs mounts that the engine cannot copy into");
        }
        // Unpacked at the root so that the engine creates missing parent directories.
        copyTarIn(node, "/", new ByteArrayInputStream(TarWriter.singleFile(relative, content, mode)));
    }

    @Override
    public void stopNode(String name) {
        try {
            client.stopContainerCmd(name).withTimeout(STOP_TIMEOUT_SECONDS).exec();
        } catch (NotModifiedException alreadyStopped) {
            // Stopping is idempotent.
        } catch (DockerException e) {
            throw EngineErrors.failed("stop node " + name, e);
        }
    }

    @Override
    public void startNode(String name) {
        try {
            client.startContainerCmd(name).exec();
        } catch (NotModifiedException alreadyRunning) {
            // Starting is idempotent.
        } catch (DockerException e) {
            throw EngineErrors.failed("start node " + name, e);
        }
    }

    @Override
    public void deleteNode(String name) {
        removeContainer(name);
    }

    private void removeContainer(String name) {
        for (int attempt = 1; ; attempt++) {
            try {
                client.removeContainerCmd(name).withForce(true).withRemoveVolumes(true).exec();
                return;
            } catch (NotFoundException alreadyGone) {
                // Deleting is idempotent.
                return;
            } catch (ConflictException e) {
                if (!EngineErrors.message(e).contains("already in progress")) {
                    throw EngineErrors.failed("delete node " + name, e);
                }
                return;
            } catch (DockerException e) {
                // A busy engine can give up waiting for a killed container's exit before the kernel has reaped
                // it; the kill has been sent, and asking again finds the container gone or going, unless a
                // process of it is frozen: then it is thawed where the engine's host is this machine.
                if (attempt == REMOVE_ATTEMPTS || !EngineErrors.message(e).contains("did not receive an exit event")) {
                    throw EngineErrors.failed("delete node " + name, e);
                }
                thawOnHost(name);
            }
        }
    }

    private void thawOnHost(String name) {
        if (!connection.local()) {
            return;
        }
        try {
            HostFreezer.ofThisHost().thaw(client.inspectContainerCmd(name).exec().getId());
        } catch (NotFoundException alreadyGone) {
            // Nothing left to thaw.
        }
    }

    @Override
    public List<String> volumes(Map<String, String> labels) {
        return List.copyOf(volumeLabels(labels).keySet());
    }

    @Override
    public void deleteVolume(String name) {
        try {
            client.removeVolumeCmd(name).exec();
        } catch (NotFoundException alreadyGone) {
            // Deleting is idempotent.
        } catch (DockerException e) {
            if (EngineErrors.message(e).contains("device or resource busy")) {
                // Seen with a Bidirectional extraMount: the engine then shares the node's root with the host, so
                // what the node mounted under /var (pod volumes, containerd) stays mounted there.
                throw new KubicleException(ExitCode.UNEXPECTED_STATE, "cannot delete volume " + name + ": mounts "
                        + "made inside the node are still mounted on the engine's host (a Bidirectional extraMount "
                        + "shares them with it); unmount those under the volume there (grep " + name
                        + " /proc/self/mountinfo) and delete again", e);
            }
            throw EngineErrors.failed("delete volume " + name, e);
        }
    }

    @Override
    public Map<String, Map<String, String>> volumeLabels(Map<String, String> labels) {
        List<InspectVolumeResponse> found = client.listVolumesCmd()
                .withFilter("label", LabelFilters.of(labels)).exec().getVolumes();
        Map<String, Map<String, String>> byName = new TreeMap<>();
        if (found != null) {
            found.forEach(volume -> byName.put(volume.getName(),
                    volume.getLabels() == null ? Map.of() : Map.copyOf(volume.getLabels())));
        }
        return byName;
    }

    @Override
    public void copyVolume(String source, String target, Map<String, String> targetLabels, String image)
            throws InterruptedException {
        new VolumeCopy(client).copy(source, target, targetLabels, image);
    }

    @Override
    public void replaceVolumeContents(String source, String target, String image) throws InterruptedException {
        new VolumeCopy(client).replaceContents(source, target, image);
    }

    /** Whether this engine has a volume of that name. */
    boolean hasVolume(String name) {
        try {
            client.inspectVolumeCmd(name).exec();
            return true;
        } catch (NotFoundException absent) {
            return false;
        }
    }

    @Override
    public boolean imageExists(String reference) {
        return images.exists(reference);
    }

    @Override
    public Optional<String> imageId(String reference) {
        return images.id(reference);
    }

    @Override
    public Optional<Map<String, String>> imageLabels(String reference) {
        return images.labels(reference);
    }

    @Override
    public void importImage(InputStream rootfsTar, String reference, List<String> changes) {
        images.importRootfs(rootfsTar, reference, changes);
    }

    @Override
    public void pullImage(String reference) {
        images.pull(reference);
    }

    @Override
    public void buildImage(InputStream contextTar, String reference) {
        images.build(contextTar, reference);
    }

    @Override
    public InputStream saveImages(List<String> references) {
        return images.save(references);
    }

    /** Only for an engine on this machine: a remote engine's storage path names a directory of another machine. */
    @Override
    public Optional<List<StoredImage>> storedImages(List<String> references) {
        return connection.local() ? images.stored(references) : Optional.empty();
    }

    @Override
    public void commit(String container, String reference, List<String> changes) {
        images.commit(container, reference, changes);
    }

    @Override
    public void close() {
        connection.close();
    }
}
