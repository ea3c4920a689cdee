package dev.kubicle.cluster.internal.create;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.cluster.ClusterPlanner;
import dev.kubicle.cluster.NodePlan;
import dev.kubicle.cluster.NodeRole;
import dev.kubicle.cluster.internal.Action;
import dev.kubicle.cluster.internal.ActionContext;
import dev.kubicle.cluster.internal.loadbalancer.HaproxyConfig;
import dev.kubicle.provider.ExecResult;

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
        // haproxy refusing its config ends the container; say so here rather than as a name that does not
        // resolve when kubectl first goes through the load balancer.
        ExecResult started = context.commands().attempt(loadBalancer.name(), "sh", "-c",
                "i=0; while [ $i -lt 50 ]; do pgrep -x haproxy >/dev/null && exit 0; i=$((i+1)); sleep 0.1; done; "
                        + "exit 1");
        if (!started.ok()) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE, "the load balancer " + loadBalancer.name()
                    + " did not start haproxy; see 'docker logs " + loadBalancer.name() + "'");
        }
    }
}
