package dev.kubicle.cluster.internal.lifecycle;

import dev.kubicle.cluster.NodeRole;
import dev.kubicle.cluster.internal.Action;
import dev.kubicle.cluster.internal.loadbalancer.LoadBalancer;
import dev.kubicle.provider.NodeInfo;

/**
 * Points the load balancer at the control planes that exist now: one made again from its record starts with none,
 * and the set of control planes may have changed while the cluster was stopped.
 */
final class ConfigureLoadBalancerAgainAction implements Action<LifecycleContext> {

    @Override
    public String title() {
        return "Configuring the external load balancer ⚖️";
    }

    @Override
    public void execute(LifecycleContext context) {
        for (NodeInfo balancer : LifecycleContext.withRole(context.containers(), NodeRole.LOAD_BALANCER)) {
            new LoadBalancer(context.provider()).configure(balancer.name(), context.cluster(), context.commands());
        }
    }
}
