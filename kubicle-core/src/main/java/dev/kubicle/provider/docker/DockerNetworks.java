package dev.kubicle.provider.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Network;
import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.provider.NetworkInfo;
import dev.kubicle.provider.NetworkSpec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** The networks clusters live on: a bridge, or an overlay for a cluster spread over several engines. */
final class DockerNetworks {
    static final String MASQUERADE_OPTION = "com.docker.network.bridge.enable_ip_masquerade";
    static final String MTU_OPTION = "com.docker.network.driver.mtu";
    private static final int SUBNET_ATTEMPTS = 3;

    private final DockerClient client;

    DockerNetworks(DockerClient client) {
        this.client = client;
    }

    /**
     * Creates the network, always with a subnet of its own: the engine gives containers the addresses kubicle pins
     * only on networks whose subnet was configured. Without one in the spec, the subnet the engine would choose (a
     * free one of its pools, clear of the host's routes) is found with a throwaway network and then fixed; should
     * another network take it in between, the engine refuses the overlap and the choice is made again.
     */
    String create(NetworkSpec spec) {
        if (spec.subnet().isPresent()) {
            return createWith(spec, spec.subnet().get(), false);
        }
        for (int attempt = 1; ; attempt++) {
            String subnet = subnetTheEngineWouldChoose(spec.name());
            try {
                return createWith(spec, subnet, false);
            } catch (KubicleException overlap) {
                if (attempt == SUBNET_ATTEMPTS || !overlap.getMessage().contains("overlap")) {
                    throw overlap;
                }
            }
        }
    }

    private String subnetTheEngineWouldChoose(String name) {
        String probe = name + "-subnet-probe-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            client.createNetworkCmd().withName(probe).withDriver("bridge").exec();
            String subnet = inspect(probe).map(NetworkInfo::subnet).filter(value -> !value.isEmpty())
                    .orElseThrow(() -> new KubicleException(ExitCode.UNEXPECTED_STATE, "the engine gave network "
                            + probe + " no IPv4 subnet; set networking.subnet in the cluster config"));
            return subnet;
        } catch (DockerException e) {
            throw EngineErrors.failed("find a free subnet for network " + name, e);
        } finally {
            delete(probe);
        }
    }

    /**
     * An overlay network over the engines of this engine's swarm, attachable so that plain containers (not swarm
     * services) join it with fixed addresses. Its subnet must be given: no one engine knows what is free on all the
     * others' hosts. Bridge options (masquerading, the default bridge's MTU) do not apply; the overlay driver takes
     * the VXLAN header off the MTU of the engines' own link itself.
     */
    String createOverlay(NetworkSpec spec) {
        return createWith(spec, spec.subnet().orElseThrow(() -> new KubicleException(ExitCode.INVALID_INPUT,
                "a network over several engines needs a fixed subnet; set networking.subnet")), true);
    }

    private String createWith(NetworkSpec spec, String subnet, boolean overlay) {
        List<Network.Ipam.Config> ranges = new ArrayList<>();
        // The engine makes each subnet's first address the gateway.
        Network.Ipam.Config ipv4 = new Network.Ipam.Config().withSubnet(subnet);
        if (overlay) {
            OverlayAddressRange.upperHalf(subnet).ifPresent(ipv4::withIpRange);
        }
        ranges.add(ipv4);
        spec.ipv6Subnet().ifPresent(ipv6 -> ranges.add(new Network.Ipam.Config().withSubnet(ipv6)));
        var create = client.createNetworkCmd()
                .withName(spec.name())
                .withDriver(overlay ? "overlay" : "bridge")
                .withAttachable(overlay ? Boolean.TRUE : null)
                .withCheckDuplicate(true)
                .withLabels(spec.labels())
                .withOptions(overlay ? Map.of() : options(defaultBridgeMtu()))
                .withEnableIpv6(spec.ipv6Subnet().isPresent())
                .withIpam(new Network.Ipam().withConfig(ranges));
        String id;
        try {
            id = create.exec().getId();
        } catch (ConflictException e) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE, "network " + spec.name()
                    + " already exists; delete it (docker network rm " + spec.name() + ") or pick another name", e);
        } catch (DockerException e) {
            String reason = EngineErrors.message(e);
            if (spec.ipv6Subnet().isPresent() && !reason.contains("overlap")) {
                throw noIpv6(spec, "refused it: " + reason, e);
            }
            throw EngineErrors.failed("create network " + spec.name() + " with subnet " + subnet
                    + spec.ipv6Subnet().map(ipv6 -> " and " + ipv6).orElse(""), e);
        }
        if (spec.ipv6Subnet().isPresent() && inspect(spec.name()).map(NetworkInfo::ipv6Subnet)
                .filter(value -> !value.isEmpty()).isEmpty()) {
            delete(id);
            throw noIpv6(spec, "made it without IPv6", null);
        }
        return id;
    }

    /**
     * The cluster network is the first thing a create makes (it claims the cluster's name), so a host that cannot
     * give containers IPv6 is found out here, with nothing made yet.
     */
    private static KubicleException noIpv6(NetworkSpec spec, String what, Throwable cause) {
        return new KubicleException(ExitCode.INVALID_INPUT, "the engine cannot give containers IPv6: asked for network "
                + spec.name() + " with IPv6 subnet " + spec.ipv6Subnet().orElseThrow() + ", it " + what
                + "; networking.ipFamily ipv6 and dual need IPv6 in the engine host's kernel (is it booted with"
                + " ipv6.disable=1?), or use ipFamily ipv4", cause);
    }

    /**
     * Masquerading lets nodes reach the outside world even where the engine's default is off. The MTU of the
     * default bridge is copied, as kind does, so that hosts behind a VPN with a small MTU keep working.
     */
    static Map<String, String> options(Optional<Integer> mtu) {
        Map<String, String> options = new HashMap<>();
        options.put(MASQUERADE_OPTION, "true");
        mtu.ifPresent(value -> options.put(MTU_OPTION, Integer.toString(value)));
        return options;
    }

    private Optional<Integer> defaultBridgeMtu() {
        try {
            Network bridge = client.inspectNetworkCmd().withNetworkId("bridge").exec();
            return Optional.ofNullable(bridge.getOptions()).map(options -> options.get(MTU_OPTION))
                    .flatMap(DockerNetworks::positiveInteger);
        } catch (NotFoundException noDefaultBridge) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> positiveInteger(String text) {
        try {
            int value = Integer.parseInt(text.strip());
            return value > 0 ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    Optional<NetworkInfo> inspect(String name) {
        try {
            Network network = client.inspectNetworkCmd().withNetworkId(name).exec();
            // The engine also finds networks by id prefix; only an exact name counts here.
            return name.equals(network.getName()) ? Optional.of(info(network)) : Optional.empty();
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    List<NetworkInfo> list(Map<String, String> labels) {
        return client.listNetworksCmd().withFilter("label", LabelFilters.of(labels)).exec().stream()
                .map(DockerNetworks::info)
                .sorted(Comparator.comparing(NetworkInfo::name))
                .toList();
    }

    void delete(String name) {
        try {
            client.removeNetworkCmd(name).exec();
        } catch (NotFoundException alreadyGone) {
            // Deleting is idempotent.
        } catch (DockerException e) {
            throw EngineErrors.failed("delete network " + name, e);
        }
    }

    private static NetworkInfo info(Network network) {
        Network.Ipam.Config ipv4 = range(network, false);
        Network.Ipam.Config ipv6 = range(network, true);
        return new NetworkInfo(network.getName(), network.getId(),
                ipv4 == null ? "" : ipv4.getSubnet(),
                ipv4 == null || ipv4.getGateway() == null ? "" : ipv4.getGateway(),
                ipv6 == null ? "" : ipv6.getSubnet(),
                ipv6 == null || ipv6.getGateway() == null ? "" : ipv6.getGateway(),
                network.getLabels() == null ? Map.of() : new TreeMap<>(network.getLabels()),
                network.getCreated() == null ? Instant.EPOCH : network.getCreated().toInstant());
    }

    /** The network's first range of one family, or null; IPv6 only where the network has IPv6 turned on. */
    private static Network.Ipam.Config range(Network network, boolean ipv6) {
        if (network.getIpam() == null || network.getIpam().getConfig() == null
                || ipv6 && !Boolean.TRUE.equals(network.getEnableIPv6())) {
            return null;
        }
        return network.getIpam().getConfig().stream()
                .filter(config -> config.getSubnet() != null && config.getSubnet().contains(":") == ipv6)
                .findFirst().orElse(null);
    }
}
