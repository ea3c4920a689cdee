package dev.kubicle.cluster;

import dev.kubicle.provider.MountSpec;
import dev.kubicle.provider.PortSpec;
import org.junit.jupiter.api.Test;

import static dev.kubicle.cluster.TestConfigs.cluster;
import static dev.kubicle.cluster.TestConfigs.node;
import static dev.kubicle.cluster.TestConfigs.nodeWithPortAndMount;
import static org.assertj.core.api.Assertions.assertThat;

class ClusterPlannerTest {

    @Test
    void namesNodesLikeKindWithACounterFromTheSecondOfARole() {
        ClusterPlan plan = ClusterPlanner.plan(cluster("dev", null,
                node("control-plane", null), node("worker", null), node("control-plane", null),
                node("worker", null)));

        assertThat(plan.nodes()).extracting(NodePlan::name)
                .containsExactly("dev-control-plane", "dev-worker", "dev-control-plane2", "dev-worker2");
        assertThat(plan.network()).isEqualTo("kubicle-dev");
        assertThat(plan.bootstrapControlPlane().name()).isEqualTo("dev-control-plane");
    }

    @Test
    void publishesTheApiServerOnTheOnlyControlPlane() {
        ClusterPlan plan = ClusterPlanner.plan(cluster("dev", null, node("control-plane", null), node("worker", null)));

        assertThat(plan.nodes().get(0).ports())
                .containsExactly(new PortSpec("127.0.0.1", 0, ClusterPlanner.API_SERVER_PORT, "tcp"));
        assertThat(plan.nodes().get(1).ports()).isEmpty();
        assertThat(plan.loadBalancer()).isEmpty();
        assertThat(plan.apiServerPublisher().name()).isEqualTo("dev-control-plane");
    }

    @Test
    void severalControlPlanesArePublishedThroughALoadBalancer() {
        ClusterPlan plan = ClusterPlanner.plan(cluster("dev", null,
                node("control-plane", null), node("control-plane", null), node("worker", null)));

        assertThat(plan.nodes()).allSatisfy(node -> assertThat(node.ports()).isEmpty());
        NodePlan balancer = plan.loadBalancer().orElseThrow();
        assertThat(balancer.name()).isEqualTo("dev-external-load-balancer");
        assertThat(balancer.role()).isEqualTo(NodeRole.LOAD_BALANCER);
        assertThat(balancer.ports())
                .containsExactly(new PortSpec("127.0.0.1", 0, ClusterPlanner.API_SERVER_PORT, "tcp"));
        assertThat(plan.apiServerPublisher()).isEqualTo(balancer);
    }

    @Test
    void carriesStaticAddressesSubnetAndLabels() {
        ClusterPlan plan = ClusterPlanner.plan(cluster("three", "172.30.0.0/24",
                node("control-plane", "172.30.0.10"), node("worker", "172.30.0.11")));

        assertThat(plan.subnet()).contains("172.30.0.0/24");
        assertThat(plan.nodes()).extracting(node -> node.ip().orElseThrow())
                .containsExactly("172.30.0.10", "172.30.0.11");
        assertThat(plan.nodes().get(1).containerLabels())
                .containsEntry(Labels.CLUSTER, "three")
                .containsEntry(Labels.ROLE, "worker");
        assertThat(plan.nodes().get(1).varVolume()).isEqualTo("three-worker-var");
    }

    @Test
    void translatesExtraPortMappingsAndMountsIntoProviderTerms() {
        ClusterPlan plan = ClusterPlanner.plan(cluster("dev", null,
                nodeWithPortAndMount("control-plane", 53, 5353, "/srv/data")));

        assertThat(plan.nodes().get(0).ports()).contains(new PortSpec("0.0.0.0", 5353, 53, "udp"));
        assertThat(plan.nodes().get(0).mounts())
                .containsExactly(new MountSpec("/srv/data", "/data", true, false, "hostToContainer"));
    }
}
