package dev.kubicle.cluster.internal.loadbalancer;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.cluster.ClusterPlanner;
import dev.kubicle.cluster.Labels;
import dev.kubicle.cluster.NodePlan;
import dev.kubicle.cluster.NodeRole;
import dev.kubicle.cluster.internal.NodeCommands;
import dev.kubicle.provider.NodeInfo;
import dev.kubicle.provider.NodeSpec;
import dev.kubicle.provider.Provider;
import dev.kubicle.provider.ResourceLimits;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A cluster's load balancer: a plain container (none of a node's privileges) whose only process is haproxy, in
 * master-worker mode so that SIGUSR2 makes it reread its config without dropping the connections it holds.
 */
public final class LoadBalancer {
    private static final int CONFIG_MODE = 0644;

    private final Provider provider;

    public LoadBalancer(Provider provider) {
        this.provider = provider;
    }

    /**
     * The container as the engine makes it; haproxy wants its config before it starts. Its volume only records the
     * spec, so that a balancer removed by hand can be made again.
     */
    public static NodeSpec spec(NodePlan balancer, String network, String ip, Optional<String> ipv6) {
        return new NodeSpec(balancer.name(), balancer.image(), balancer.containerLabels(), network, Optional.of(ip),
                ipv6, balancer.varVolume(), balancer.ports(), List.of(), Map.of(),
                List.of("haproxy", "-W", "-db", "-f", HaproxyConfig.PATH), Optional.empty(), ResourceLimits.NONE);
    }

    /** Makes and starts the container, listening already but with no control plane to send connections to. */
    public void start(NodePlan balancer, String network, String ip, Optional<String> ipv6) {
        start(spec(balancer, network, ip, ipv6));
    }

    /** Makes and starts the container from its spec (a recorded one, when the balancer is made again). */
    public void start(NodeSpec spec) {
        provider.createContainer(spec);
        provider.writeFile(spec.name(), HaproxyConfig.PATH, config(List.of(), spec.ipv6().isPresent()), CONFIG_MODE);
        provider.startNode(spec.name());
    }

    /**
     * Points the balancer at the control planes the engine has for its cluster now and makes haproxy reload; run
     * whenever control planes come or go.
     */
    public void configure(String balancer, String cluster, NodeCommands commands) {
        // haproxy is the container's process: a container that stopped is a haproxy that refused to start.
        Optional<NodeInfo> running = provider.inspectNode(balancer).filter(NodeInfo::running);
        if (running.isEmpty()) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE, "the load balancer " + balancer
                    + " is not running: haproxy did not start; see 'docker logs " + balancer + "'");
        }
        List<String> controlPlanes = provider.listNodes(Labels.ofRole(cluster, NodeRole.CONTROL_PLANE)).stream()
                .map(NodeInfo::name).sorted().toList();
        String next = HaproxyConfig.PATH + ".next";
        provider.writeFile(balancer, next, config(controlPlanes, !running.get().ipv6().isEmpty()), CONFIG_MODE);
        // Checked before it replaces the running config, so that a bad one never reaches haproxy.
        commands.run(balancer, "haproxy", "-c", "-q", "-f", next);
        commands.run(balancer, "mv", next, HaproxyConfig.PATH);
        commands.run(balancer, "kill", "-USR2", "1");
    }

    private static byte[] config(List<String> controlPlanes, boolean ipv6) {
        return HaproxyConfig.render(controlPlanes, ClusterPlanner.API_SERVER_PORT, ipv6)
                .getBytes(StandardCharsets.UTF_8);
    }
}
