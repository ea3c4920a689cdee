package dev.kubicle.provider.docker;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.HostConfig;
import dev.kubicle.provider.NodeSpec;

/**
 * A container beside the nodes, such as a cluster's load balancer: the spec's image, entrypoint, labels, network,
 * address and published ports, and none of what a node gets (privileges, terminal, tmpfs, cgroup mount, /var
 * volume). The engine's default stop signal applies, which ordinary programs handle.
 */
record PlainContainerConfig(NodeSpec spec) {

    CreateContainerCmd applyTo(CreateContainerCmd create) {
        create.withName(spec.name())
                .withImage(spec.image())
                .withHostName(spec.name())
                .withLabels(spec.labels())
                .withEnv(spec.env().entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
                        .toList())
                .withExposedPorts(PublishedPorts.exposed(spec.ports()))
                .withHostConfig(HostConfig.newHostConfig()
                        .withNetworkMode(spec.network())
                        .withRestartPolicy(NodeContainerConfig.RESTART_POLICY)
                        .withPortBindings(PublishedPorts.bindings(spec.ports())));
        spec.ip().ifPresent(create::withIpv4Address);
        spec.ipv6().ifPresent(create::withIpv6Address);
        if (!spec.entrypoint().isEmpty()) {
            create.withEntrypoint(spec.entrypoint());
        }
        return create;
    }
}
