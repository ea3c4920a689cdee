package dev.kubicle.cluster.internal.create;

import dev.kubicle.cluster.NodePlan;
import dev.kubicle.cluster.internal.Action;
import dev.kubicle.cluster.internal.ActionContext;
import dev.kubicle.cluster.internal.loadbalancer.LoadBalancer;

/** Points the load balancer at the control planes, before kubeadm reaches the API server through it. */
public final class ConfigureLoadBalancerAction implements Action<ActionContext> {

    @Override
    public String title() {
        return "Configuring the external load balancer ⚖️";
    }

    @Override
    public void execute(ActionContext context) {
        NodePlan balancer = context.plan().loadBalancer().orElseThrow();
        new LoadBalancer(context.provider()).configure(balancer.name(), context.plan().name(), context.commands());
    }
}
