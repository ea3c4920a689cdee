package dev.kubicle.cluster;

import dev.kubicle.provider.PortSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The node plan as text, for {@code create cluster --dry-run}. */
public final class PlanPrinter {
    private PlanPrinter() {
    }

    public static String render(ClusterPlan plan) {
        StringBuilder text = new StringBuilder();
        text.append("cluster: ").append(plan.name()).append('\n');
        text.append("network: ").append(plan.network()).append(" (subnet ")
                .append(plan.subnet().orElse("chosen by the engine"))
                .append(plan.ipv6Subnet().map(ipv6 -> ", " + ipv6).orElse("")).append(")\n");
        text.append("nodes:\n");
        List<NodePlan> containers = new ArrayList<>(plan.nodes());
        plan.loadBalancer().ifPresent(containers::add);
        for (NodePlan node : containers) {
            text.append("  - name: ").append(node.name()).append('\n')
                    .append("    role: ").append(node.role().label()).append('\n')
                    .append("    image: ").append(node.image()).append('\n')
                    .append("    ip: ").append(node.ip().orElse("chosen by the engine")).append('\n');
            if (plan.ipv6Subnet().isPresent()) {
                text.append("    ipv6: ").append(node.ipv6().orElse("chosen by kubicle")).append('\n');
            }
            if (!node.ports().isEmpty()) {
                text.append("    ports: ").append(node.ports().stream().map(PlanPrinter::port)
                        .collect(Collectors.joining(", "))).append('\n');
            }
            node.mounts().forEach(mount -> text.append("    mount: ").append(mount.hostPath()).append(" -> ")
                    .append(mount.containerPath()).append(mount.readOnly() ? " (read-only)" : "").append('\n'));
        }
        return text.toString();
    }

    private static String port(PortSpec port) {
        String host = port.hostPort() == 0 ? "random" : Integer.toString(port.hostPort());
        return port.listenAddress() + ":" + host + "->" + port.containerPort() + "/" + port.protocol();
    }
}
