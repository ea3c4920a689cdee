package dev.kubicle.provider.docker;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.Ports;
import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.provider.PortSpec;

import java.util.List;
import java.util.Locale;

/** Ports published on the host, in the Engine API's terms: shared by nodes and plain containers. */
final class PublishedPorts {

    private PublishedPorts() {
    }

    static List<ExposedPort> exposed(List<PortSpec> ports) {
        return ports.stream().map(PublishedPorts::exposedPort).distinct().toList();
    }

    static Ports bindings(List<PortSpec> ports) {
        Ports bindings = new Ports();
        for (PortSpec port : ports) {
            boolean anyAddress = port.listenAddress() == null || port.listenAddress().isEmpty();
            Ports.Binding binding;
            if (port.hostPort() == 0) {
                // An empty host port makes the engine pick a free one.
                binding = anyAddress ? Ports.Binding.empty() : Ports.Binding.bindIp(port.listenAddress());
            } else {
                binding = anyAddress ? Ports.Binding.bindPort(port.hostPort())
                        : Ports.Binding.bindIpAndPort(port.listenAddress(), port.hostPort());
            }
            bindings.bind(exposedPort(port), binding);
        }
        return bindings;
    }

    private static ExposedPort exposedPort(PortSpec port) {
        String protocol = port.protocol() == null || port.protocol().isEmpty() ? "tcp"
                : port.protocol().toLowerCase(Locale.ROOT);
        return switch (protocol) {
            case "tcp" -> new ExposedPort(port.containerPort(), InternetProtocol.TCP);
            case "udp" -> new ExposedPort(port.containerPort(), InternetProtocol.UDP);
            case "sctp" -> new ExposedPort(port.containerPort(), InternetProtocol.SCTP);
            default -> throw new KubicleException(ExitCode.INVALID_INPUT, "port " + port.containerPort()
                    + " has protocol \"" + port.protocol() + "\"; use tcp, udp or sctp");
        };
    }
}
