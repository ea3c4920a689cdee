package dev.kubicle.provider.docker;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.provider.PortSpec;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;

/**
 * Replaces "any host port" by a port free right now, as kind does. Left to the engine, a random host port changes
 * each time the node restarts (after a reboot, say), and the kubeconfig pointing at the API server goes stale.
 * Only meaningful when the engine runs on this machine.
 */
final class StableHostPorts {

    private StableHostPorts() {
    }

    static List<PortSpec> resolve(List<PortSpec> ports) {
        return ports.stream().map(StableHostPorts::resolve).toList();
    }

    private static PortSpec resolve(PortSpec port) {
        if (port.hostPort() != 0) {
            return port;
        }
        String protocol = port.protocol() == null ? "tcp" : port.protocol();
        boolean anyAddress = port.listenAddress() == null || port.listenAddress().isEmpty();
        try {
            InetAddress address = InetAddress.getByName(anyAddress ? "0.0.0.0" : port.listenAddress());
            int free = switch (protocol) {
                case "", "tcp" -> freeTcpPort(address);
                case "udp" -> freeUdpPort(address);
                // SCTP cannot be probed from Java portably; the engine picks.
                default -> 0;
            };
            return new PortSpec(port.listenAddress(), free, port.containerPort(), port.protocol());
        } catch (IOException e) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE, "cannot find a free host port on "
                    + (anyAddress ? "0.0.0.0" : port.listenAddress()) + " for container port "
                    + port.containerPort() + ": " + e.getMessage(), e);
        }
    }

    private static int freeTcpPort(InetAddress address) throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(address, 0));
            return socket.getLocalPort();
        }
    }

    private static int freeUdpPort(InetAddress address) throws IOException {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(address, 0))) {
            return socket.getLocalPort();
        }
    }
}
