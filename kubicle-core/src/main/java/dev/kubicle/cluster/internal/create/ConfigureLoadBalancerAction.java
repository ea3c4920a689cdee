package dev.kubicle.cluster.internal.create;

import dev.kubicle.cluster.ClusterPlanner;
import dev.kubicle.cluster.NodePlan;
import dev.kubicle.cluster.NodeRole;
import dev.kubicle.cluster.internal.Action;
import dev.kubicle.cluster.internal.ActionContext;
import dev.kubicle.cluster.internal.loadbalancer.HaproxyConfig;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Points the load balancer at the control planes; haproxy starts as soon as its config is there. */
public final class ConfigureLoadBalancerAction implements Action {

    @Override
    public String title() {
        return "Configuring the external load balancer ⚖️";
    }

    @Override
    public void execute(ActionContext context) {
        NodePlan loadBalancer = context.plan().loadBalancer().orElseThrow();
        List<String> controlPlanes = context.plan().nodes(NodeRole.CONTROL_PLANE).stream().map(NodePlan::name)
                .toList();
        String config = HaproxyConfig.render(controlPlanes, ClusterPlanner.API_SERVER_PORT);
        context.provider().writeFile(loadBalancer.name(), HaproxyConfig.PATH,
                config.getBytes(StandardCharsets.UTF_8), 0644);
    }
}
