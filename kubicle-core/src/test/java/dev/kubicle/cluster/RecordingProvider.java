package dev.kubicle.cluster;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.provider.EngineLostException;
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

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A provider that keeps nodes, volumes and networks in memory and records every call, for testing the pipeline's
 * logic without an engine. Tests that prove a feature use the real engine instead.
 */
final class RecordingProvider implements Provider {
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    final Map<String, NodeSpec> nodes = Collections.synchronizedMap(new LinkedHashMap<>());
    final Map<String, NetworkSpec> networks = Collections.synchronizedMap(new LinkedHashMap<>());
    final Map<String, Map<String, String>> volumes = Collections.synchronizedMap(new LinkedHashMap<>());
    /** The specs recorded on volumes, by volume name. */
    final Map<String, NodeSpec> recorded = Collections.synchronizedMap(new LinkedHashMap<>());
    final Set<String> images = Collections.synchronizedSet(new HashSet<>());
    /** Containers that are stopped, or whose process ended as soon as they started. */
    final Set<String> exited = Collections.synchronizedSet(new HashSet<>());
    /** Containers whose next start fails, like a start cut short by Ctrl-C. */
    final Set<String> failStartOnce = Collections.synchronizedSet(new HashSet<>());
    /** Containers whose process ends at once when started, like a program that refuses its config. */
    final Set<String> exitOnStart = Collections.synchronizedSet(new HashSet<>());
    /** What was written into nodes, by "node:path". */
    final Map<String, String> files = Collections.synchronizedMap(new LinkedHashMap<>());
    /** The standard input given to commands, in order. */
    final List<String> inputs = Collections.synchronizedList(new ArrayList<>());
    Function<ExecRequest, ExecResult> execAnswer = request -> new ExecResult(0, "", "");
    /** How many listings of nodes from now find the engine gone, as while it restarts. */
    final AtomicInteger engineAwayListings = new AtomicInteger();

    @Override
    public String name() {
        return "recording";
    }

    @Override
    public String describe() {
        return "a recording fake engine";
    }

    @Override
    public NodePrivileges nodePrivileges() {
        return NodePrivileges.PRIVILEGED;
    }

    @Override
    public Map<String, Object> composeService(NodeSpec spec, boolean node, String networkKey) {
        throw new UnsupportedOperationException("pipeline tests write no Compose files");
    }

    @Override
    public String createNetwork(NetworkSpec spec) {
        calls.add("createNetwork " + spec.name());
        networks.put(spec.name(), spec);
        return spec.name();
    }

    @Override
    public Optional<NetworkInfo> network(String name) {
        return Optional.ofNullable(networks.get(name))
                // Like an engine, a subnet of its own choosing when none was asked for, its gateway the first address.
                .map(spec -> new NetworkInfo(spec.name(), spec.name(), spec.subnet().orElse("172.18.0.0/16"),
                        spec.subnet().map(subnet -> subnet.replaceFirst("\\.0/.*", ".1")).orElse("172.18.0.1"),
                        spec.ipv6Subnet().orElse(""), spec.ipv6Subnet().map(subnet -> subnet.replaceFirst("::/.*",
                                "::1")).orElse(""), spec.labels(), Instant.EPOCH));
    }

    @Override
    public List<NetworkInfo> networks(Map<String, String> labels) {
        return networks.values().stream().filter(spec -> matches(spec.labels(), labels))
                .map(spec -> network(spec.name()).orElseThrow()).toList();
    }

    @Override
    public void deleteNetwork(String name) {
        calls.add("deleteNetwork " + name);
        networks.remove(name);
    }

    @Override
    public void runNode(NodeSpec spec) {
        calls.add("runNode " + spec.name());
        nodes.put(spec.name(), spec);
        volumes.put(spec.varVolume(), spec.labels());
        recorded.put(spec.varVolume(), spec);
    }

    @Override
    public void createContainer(NodeSpec spec) {
        calls.add("createContainer " + spec.name());
        nodes.put(spec.name(), spec);
        if (spec.hasVarVolume()) {
            volumes.put(spec.varVolume(), spec.labels());
            recorded.put(spec.varVolume(), spec);
        }
    }

    @Override
    public List<NodeSpec> recordedNodes(Map<String, String> labels) {
        synchronized (recorded) {
            return recorded.entrySet().stream().filter(entry -> volumes.containsKey(entry.getKey()))
                    .map(Map.Entry::getValue).filter(spec -> matches(spec.labels(), labels))
                    .sorted(Comparator.comparing(NodeSpec::name)).toList();
        }
    }

    @Override
    public List<NodeInfo> listNodes(Map<String, String> labels) {
        if (engineAwayListings.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            throw new EngineLostException("lost the engine", null);
        }
        synchronized (nodes) {
            return nodes.values().stream().filter(spec -> matches(spec.labels(), labels)).map(this::info).toList();
        }
    }

    @Override
    public Optional<NodeInfo> inspectNode(String name) {
        return Optional.ofNullable(nodes.get(name)).map(this::info);
    }

    /**
     * Like an engine: an address for every node, and a host port for every port asked to be picked; numbered by name,
     * as nodes are made in parallel and come in any order.
     */
    private NodeInfo info(NodeSpec spec) {
        int index = new ArrayList<>(new TreeSet<>(nodes.keySet())).indexOf(spec.name());
        List<PortSpec> ports = spec.ports().stream().map(port -> port.hostPort() != 0 ? port
                : new PortSpec(port.listenAddress(), 41000 + index, port.containerPort(), port.protocol())).toList();
        String state = exited.contains(spec.name()) ? "exited" : "running";
        return new NodeInfo(spec.name(), spec.name(), spec.image(), state,
                spec.ip().orElse("172.18.0." + (index + 2)), spec.ipv6().orElse(""), spec.labels(), ports);
    }

    @Override
    public ExecResult exec(String node, ExecRequest request) {
        calls.add("exec " + node + " " + String.join(" ", request.command()));
        if (request.stdin().length > 0) {
            inputs.add(new String(request.stdin(), StandardCharsets.UTF_8));
        }
        return execAnswer.apply(request);
    }

    @Override
    public ExecResult execStreaming(String node, List<String> command, InputStream stdin, OutputStream stdout) {
        calls.add("execStreaming " + node + " " + String.join(" ", command));
        ExecResult answer = execAnswer.apply(new ExecRequest(command, new byte[0], Map.of()));
        try {
            stdout.write(answer.stdout().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ExecResult(answer.exitCode(), "", answer.stderr());
    }

    @Override
    public String inspectJson(String node) {
        return "{\"Name\": \"/" + node + "\"}";
    }

    @Override
    public void writeNodeLog(String node, OutputStream out) {
        calls.add("writeNodeLog " + node);
    }

    @Override
    public HostCapacity hostCapacity() {
        return new HostCapacity(2, 8L << 30);
    }

    @Override
    public String versionReport() {
        return "recording 1.0";
    }

    @Override
    public void copyTarIn(String node, String directory, InputStream tar) {
        calls.add("copyTarIn " + node + " " + directory);
    }

    @Override
    public void writeFile(String node, String path, byte[] content, int mode) {
        calls.add("writeFile " + node + " " + path);
        files.put(node + ":" + path, new String(content, StandardCharsets.UTF_8));
    }

    @Override
    public void stopNode(String name) {
        calls.add("stopNode " + name);
        exited.add(name);
    }

    @Override
    public void startNode(String name) {
        calls.add("startNode " + name);
        if (failStartOnce.remove(name)) {
            throw new IllegalStateException("interrupted while starting " + name);
        }
        if (exitOnStart.contains(name)) {
            exited.add(name);
        } else {
            exited.remove(name);
        }
    }

    @Override
    public void deleteNode(String name) {
        calls.add("deleteNode " + name);
        nodes.remove(name);
    }

    @Override
    public List<String> volumes(Map<String, String> labels) {
        synchronized (volumes) {
            return volumes.entrySet().stream().filter(entry -> matches(entry.getValue(), labels))
                    .map(Map.Entry::getKey).toList();
        }
    }

    @Override
    public void deleteVolume(String name) {
        calls.add("deleteVolume " + name);
        volumes.remove(name);
    }

    @Override
    public Map<String, Map<String, String>> volumeLabels(Map<String, String> labels) {
        synchronized (volumes) {
            Map<String, Map<String, String>> found = new TreeMap<>();
            volumes.forEach((name, volumeLabels) -> {
                if (matches(volumeLabels, labels)) {
                    found.put(name, volumeLabels);
                }
            });
            return found;
        }
    }

    /** Copies the labels of the copy and, where they hold one, its node record; the data is the engine's business. */
    @Override
    public void copyVolume(String source, String target, Map<String, String> targetLabels, String image) {
        calls.add("copyVolume " + source + " " + target);
        if (!volumes.containsKey(source) || volumes.containsKey(target) || !images.contains(image)) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE, "cannot copy " + source + " into " + target);
        }
        volumes.put(target, targetLabels);
        NodeSpecRecord.read(targetLabels.getOrDefault(NodeSpecRecord.LABEL, ""))
                .ifPresent(spec -> recorded.put(target, spec));
    }

    @Override
    public void replaceVolumeContents(String source, String target, String image) {
        calls.add("replaceVolumeContents " + source + " " + target);
        if (!volumes.containsKey(source) || !volumes.containsKey(target) || !images.contains(image)) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE, "cannot copy " + source + " into " + target);
        }
    }

    @Override
    public boolean imageExists(String reference) {
        return images.contains(reference);
    }

    @Override
    public Optional<String> imageId(String reference) {
        return images.contains(reference) ? Optional.of("sha256:" + Integer.toHexString(reference.hashCode()))
                : Optional.empty();
    }

    @Override
    public Optional<Map<String, String>> imageLabels(String reference) {
        return images.contains(reference) ? Optional.of(Map.of()) : Optional.empty();
    }

    @Override
    public void importImage(InputStream rootfsTar, String reference, List<String> changes) {
        images.add(reference);
    }

    /** Like an engine with no registry in reach. */
    @Override
    public void pullImage(String reference) {
        calls.add("pullImage " + reference);
        throw new dev.kubicle.KubicleException(dev.kubicle.ExitCode.UNEXPECTED_STATE, "no registry reachable");
    }

    @Override
    public void buildImage(InputStream contextTar, String reference) {
        images.add(reference);
    }

    @Override
    public InputStream saveImages(List<String> references) {
        return InputStream.nullInputStream();
    }

    @Override
    public void commit(String container, String reference, List<String> changes) {
        images.add(reference);
    }

    @Override
    public void close() {
    }

    private static boolean matches(Map<String, String> actual, Map<String, String> wanted) {
        return wanted.entrySet().stream().allMatch(entry -> actual.containsKey(entry.getKey())
                && (entry.getValue().isEmpty() || entry.getValue().equals(actual.get(entry.getKey()))));
    }
}
