package dev.kubicle.cluster.internal.nodes;

import dev.kubicle.cluster.Labels;
import dev.kubicle.cluster.NodeRole;
import dev.kubicle.cluster.internal.lifecycle.LifecycleContext;
import dev.kubicle.provider.NodeInfo;
import dev.kubicle.provider.NodeSpec;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A cluster's nodes (and load balancer) as the engine knows them: their containers, and the specs recorded on their
 * volumes. A node whose container was removed by hand still has its record, and a start makes it again under its
 * name and address, so it counts as one of the cluster's nodes.
 */
record KnownNodes(List<NodeInfo> containers, List<NodeSpec> records) {

    static KnownNodes of(LifecycleContext context) {
        return new KnownNodes(context.containers(),
                context.provider().recordedNodes(Labels.ofCluster(context.cluster())));
    }

    Optional<NodeInfo> container(String name) {
        return containers.stream().filter(node -> node.name().equals(name)).findFirst();
    }

    Optional<NodeSpec> record(String name) {
        return records.stream().filter(spec -> spec.name().equals(name)).findFirst();
    }

    /** Every name in use, whatever the role. */
    List<String> names() {
        return Stream.concat(containers.stream().map(NodeInfo::name), records.stream().map(NodeSpec::name))
                .distinct().toList();
    }

    List<String> names(NodeRole role) {
        return Stream.concat(containers.stream().filter(node -> hasRole(node.labels(), role)).map(NodeInfo::name),
                records.stream().filter(spec -> hasRole(spec.labels(), role)).map(NodeSpec::name)).distinct().toList();
    }

    /** The IPv4 addresses taken on the cluster network, those of stopped and vanished nodes included. */
    List<String> addresses() {
        return Stream.concat(containers.stream().map(NodeInfo::ip),
                records.stream().flatMap(spec -> spec.ip().stream())).filter(ip -> !ip.isEmpty()).distinct().toList();
    }

    /** The IPv6 addresses taken on the cluster network, as {@link #addresses()}. */
    List<String> ipv6Addresses() {
        return Stream.concat(containers.stream().map(NodeInfo::ipv6),
                records.stream().flatMap(spec -> spec.ipv6().stream())).filter(ip -> !ip.isEmpty()).distinct()
                .toList();
    }

    /** The image of the cluster's nodes of that role, else of any of its nodes, as recorded, else as made. */
    Optional<String> image(NodeRole role) {
        List<NodeSpec> nodes = records.stream().filter(spec -> !hasRole(spec.labels(), NodeRole.LOAD_BALANCER))
                .toList();
        List<NodeInfo> made = LifecycleContext.kubernetesNodes(containers);
        return nodes.stream().filter(spec -> hasRole(spec.labels(), role)).map(NodeSpec::image).findFirst()
                .or(() -> nodes.stream().map(NodeSpec::image).findFirst())
                .or(() -> made.stream().filter(node -> hasRole(node.labels(), role)).map(NodeInfo::image)
                        .findFirst())
                .or(() -> made.stream().map(NodeInfo::image).findFirst());
    }

    /**
     * The search domains the cluster's nodes were made with ({@code networking.dnsSearch}), as their records say;
     * empty for the host's, also for a cluster made before kubicle recorded them.
     */
    Optional<List<String>> dnsSearch() {
        return records.stream().filter(spec -> !hasRole(spec.labels(), NodeRole.LOAD_BALANCER))
                .map(NodeSpec::dnsSearch).flatMap(Optional::stream).findFirst();
    }

    private static boolean hasRole(Map<String, String> labels, NodeRole role) {
        return role.label().equals(labels.get(Labels.ROLE));
    }
}
