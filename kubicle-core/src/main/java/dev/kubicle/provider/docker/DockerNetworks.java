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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The bridge networks clusters live on. */
final class DockerNetworks {
    static final String MASQUERADE_OPTION = "com.docker.network.bridge.enable_ip_masquerade";
    static final String MTU_OPTION = "com.docker.network.driver.mtu";

    private final DockerClient client;

    DockerNetworks(DockerClient client) {
        this.client = client;
    }

    String create(NetworkSpec spec) {
        var create = client.createNetworkCmd()
                .withName(spec.name())
                .withDriver("bridge")
                .withCheckDuplicate(true)
                .withLabels(spec.labels())
                .withOptions(options(defaultBridgeMtu()));
        // Without a subnet the engine picks a free one; its gateway is always the subnet's first address.
        spec.subnet().ifPresent(subnet ->
                create.withIpam(new Network.Ipam().withConfig(new Network.Ipam.Config().withSubnet(subnet))));
        try {
            return create.exec().getId();
        } catch (ConflictException e) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE, "network " + spec.name()
                    + " already exists; delete it (docker network rm " + spec.name() + ") or pick another name", e);
        } catch (DockerException e) {
            throw EngineErrors.failed("create network " + spec.name()
                    + spec.subnet().map(subnet -> " with subnet " + subnet).orElse(""), e);
        }
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
        Network.Ipam.Config ipv4 = network.getIpam() == null || network.getIpam().getConfig() == null ? null
                : network.getIpam().getConfig().stream()
                        .filter(config -> config.getSubnet() != null && !config.getSubnet().contains(":"))
                        .findFirst().orElse(null);
        return new NetworkInfo(network.getName(), network.getId(),
                ipv4 == null ? "" : ipv4.getSubnet(),
                ipv4 == null || ipv4.getGateway() == null ? "" : ipv4.getGateway(),
                network.getLabels() == null ? Map.of() : new TreeMap<>(network.getLabels()),
                network.getCreated() == null ? Instant.EPOCH : network.getCreated().toInstant());
    }
}
