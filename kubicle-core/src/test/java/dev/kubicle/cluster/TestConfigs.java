package dev.kubicle.cluster;

import dev.kubicle.config.Cluster;
import dev.kubicle.config.Mount;
import dev.kubicle.config.Networking;
import dev.kubicle.config.Node;
import dev.kubicle.config.PortMapping;

import java.util.List;
import java.util.Map;

/** Fully defaulted configs built by hand, so cluster tests do not depend on the config loader. */
final class TestConfigs {
    static final String IMAGE = "kubicle/node:test";

    private TestConfigs() {
    }

    static Cluster cluster(String name, String subnet, Node... nodes) {
        Networking networking = new Networking("ipv4", "127.0.0.1", 0, "10.244.0.0/16", "10.96.0.0/16", false,
                "iptables", List.of(), subnet);
        return new Cluster("Cluster", "kubicle.dev/v1alpha1", name, Map.of(), Map.of(), networking, List.of(nodes),
                List.of(), List.of(), List.of(), List.of());
    }

    static Cluster withContainerdPatch(Cluster config, String tomlPatch) {
        return new Cluster(config.kind(), config.apiVersion(), config.name(), config.featureGates(),
                config.runtimeConfig(), config.networking(), config.nodes(), config.kubeadmConfigPatches(),
                config.kubeadmConfigPatchesJSON6902(), List.of(tomlPatch), config.containerdConfigPatchesJSON6902());
    }

    static Cluster withNetworking(Cluster config, String apiServerAddress, String kubeProxyMode) {
        Networking in = config.networking();
        return withNetworking(config, new Networking(in.ipFamily(), apiServerAddress, in.apiServerPort(),
                in.podSubnet(), in.serviceSubnet(), in.disableDefaultCNI(), kubeProxyMode, in.dnsSearch(),
                in.subnet()));
    }

    static Cluster withDnsSearch(Cluster config, List<String> dnsSearch) {
        Networking in = config.networking();
        return withNetworking(config, new Networking(in.ipFamily(), in.apiServerAddress(), in.apiServerPort(),
                in.podSubnet(), in.serviceSubnet(), in.disableDefaultCNI(), in.kubeProxyMode(), dnsSearch,
                in.subnet()));
    }

    private static Cluster withNetworking(Cluster config, Networking networking) {
        return new Cluster(config.kind(), config.apiVersion(), config.name(), config.featureGates(),
                config.runtimeConfig(), networking, config.nodes(), config.kubeadmConfigPatches(),
                config.kubeadmConfigPatchesJSON6902(), config.containerdConfigPatches(),
                config.containerdConfigPatchesJSON6902());
    }

    static Node node(String role, String ip) {
        return new Node(role, IMAGE, Map.of(), List.of(), List.of(), List.of(), List.of(), ip, null);
    }

    static Node nodeWithPortAndMount(String role, int containerPort, int hostPort, String hostPath) {
        return new Node(role, IMAGE, Map.of(),
                List.of(new Mount("/data", hostPath, true, false, "HostToContainer")),
                List.of(new PortMapping(containerPort, hostPort, "0.0.0.0", "UDP")),
                List.of(), List.of(), null, null);
    }
}
