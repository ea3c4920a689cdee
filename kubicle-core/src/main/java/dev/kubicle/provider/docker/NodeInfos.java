package dev.kubicle.provider.docker;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.NetworkSettings;
import com.github.dockerjava.api.model.Ports;
import dev.kubicle.provider.NodeInfo;
import dev.kubicle.provider.PortSpec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/** Reads a {@link NodeInfo} out of the engine's description of a container. */
final class NodeInfos {

    private NodeInfos() {
    }

    static NodeInfo of(InspectContainerResponse container) {
        String name = container.getName() == null ? "" : container.getName().replaceFirst("^/", "");
        var config = container.getConfig();
        Map<String, String> labels = config == null || config.getLabels() == null ? Map.of()
                : new TreeMap<>(config.getLabels());
        String state = container.getState() == null || container.getState().getStatus() == null ? "unknown"
                : container.getState().getStatus();
        return new NodeInfo(name, container.getId(), config == null ? "" : Objects.toString(config.getImage(), ""),
                state, ip(container, ContainerNetwork::getIpAddress),
                ip(container, ContainerNetwork::getGlobalIPv6Address), labels,
                ports(container.getNetworkSettings(), container.getHostConfig()));
    }

    /** The address on the network the node was created on (its network mode), or on its only network. */
    private static String ip(InspectContainerResponse container, Function<ContainerNetwork, String> address) {
        NetworkSettings settings = container.getNetworkSettings();
        if (settings == null || settings.getNetworks() == null) {
            return "";
        }
        Map<String, ContainerNetwork> networks = settings.getNetworks();
        String home = container.getHostConfig() == null ? null : container.getHostConfig().getNetworkMode();
        return Optional.ofNullable(home).map(networks::get).map(address)
                .filter(ip -> !ip.isEmpty())
                .or(() -> new TreeMap<>(networks).values().stream().map(address)
                        .filter(ip -> ip != null && !ip.isEmpty()).findFirst())
                .orElse("");
    }

    /**
     * The ports as bound now when the node runs (random host ports resolved), else as configured. The engine
     * reports a binding on 0.0.0.0 once more on "::"; the IPv6 twin is left out.
     */
    static List<PortSpec> ports(NetworkSettings settings, HostConfig hostConfig) {
        Ports bound = settings == null ? null : settings.getPorts();
        if (bound == null || bound.getBindings().isEmpty()) {
            bound = hostConfig == null ? null : hostConfig.getPortBindings();
        }
        if (bound == null) {
            return List.of();
        }
        List<PortSpec> ports = new ArrayList<>();
        for (Map.Entry<ExposedPort, Ports.Binding[]> entry : bound.getBindings().entrySet()) {
            if (entry.getValue() == null) {
                continue;
            }
            ExposedPort exposed = entry.getKey();
            for (Ports.Binding binding : entry.getValue()) {
                PortSpec port = new PortSpec(Objects.toString(binding.getHostIp(), ""),
                        hostPort(binding.getHostPortSpec()), exposed.getPort(), exposed.getProtocol().toString());
                ports.add(port);
            }
        }
        List<PortSpec> all = List.copyOf(ports);
        ports.removeIf(port -> "::".equals(port.listenAddress()) && all.stream().anyMatch(other ->
                "0.0.0.0".equals(other.listenAddress()) && other.hostPort() == port.hostPort()
                        && other.containerPort() == port.containerPort() && other.protocol().equals(port.protocol())));
        ports.sort(Comparator.comparingInt(PortSpec::containerPort).thenComparing(PortSpec::protocol)
                .thenComparing(PortSpec::listenAddress));
        return ports;
    }

    private static int hostPort(String spec) {
        if (spec == null || spec.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(spec);
        } catch (NumberFormatException range) {
            return 0;
        }
    }
}
