package dev.kubicle.cluster;

import dev.kubicle.config.Cluster;
import dev.kubicle.config.Engine;
import dev.kubicle.config.Networking;
import dev.kubicle.config.Node;
import dev.kubicle.provider.EngineLabels;
import dev.kubicle.provider.MountSpec;
import dev.kubicle.provider.PortSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.kubicle.cluster.TestConfigs.cluster;
import static dev.kubicle.cluster.TestConfigs.node;
import static dev.kubicle.cluster.TestConfigs.nodeWithPortAndMount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
    void labelsEachNodeSpreadOverEnginesWithItsEnginesAddress() {
        Cluster oneEngine = cluster("spread", "172.26.0.0/24", node("control-plane", null), node("worker", null));
        Node onA = oneEngine.nodes().get(0);
        Node onB = oneEngine.nodes().get(1);
        Cluster spread = new Cluster(oneEngine.kind(), oneEngine.apiVersion(), oneEngine.name(),
                oneEngine.featureGates(), oneEngine.runtimeConfig(), oneEngine.networking(),
                List.of(onEngine(onA, "a"), onEngine(onB, "b")), List.of(), List.of(), List.of(), List.of(),
                List.of(new Engine("a", "unix:///run/a.sock"), new Engine("b", "tcp://10.0.0.2:2375")));

        ClusterPlan plan = ClusterPlanner.plan(spread);

        assertThat(plan.nodes()).extracting(node -> node.containerLabels().get(EngineLabels.ENGINE))
                .containsExactly("unix:///run/a.sock", "tcp://10.0.0.2:2375");
        assertThat(ClusterPlanner.plan(oneEngine).nodes())
                .allSatisfy(node -> assertThat(node.containerLabels()).doesNotContainKey(EngineLabels.ENGINE));
    }

    private static Node onEngine(Node node, String engine) {
        return new Node(node.role(), node.image(), node.labels(), node.extraMounts(), node.extraPortMappings(),
                node.kubeadmConfigPatches(), node.kubeadmConfigPatchesJSON6902(), node.ip(), node.resources(), engine);
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

    private static Cluster withFamily(Cluster config, String ipFamily) {
        Networking in = config.networking();
        Networking networking = new Networking(ipFamily, in.apiServerAddress(), in.apiServerPort(), in.podSubnet(),
                in.serviceSubnet(), in.disableDefaultCNI(), in.kubeProxyMode(), in.dnsSearch(), in.subnet());
        return new Cluster(config.kind(), config.apiVersion(), config.name(), config.featureGates(),
                config.runtimeConfig(), networking, config.nodes(), config.kubeadmConfigPatches(),
                config.kubeadmConfigPatchesJSON6902(), config.containerdConfigPatches(),
                config.containerdConfigPatchesJSON6902());
    }

    @Test
    void aDualStackPlanCarriesTheSubnetAndAddressesOfEachFamily() {
        ClusterPlan plan = ClusterPlanner.plan(withFamily(cluster("two", "172.30.0.0/24,fd00:1::/64",
                node("control-plane", "172.30.0.10,fd00:1::10"), node("worker", "fd00:1::11")), "dual"));

        assertThat(plan.subnet()).contains("172.30.0.0/24");
        assertThat(plan.ipv6Subnet()).contains("fd00:1::/64");
        assertThat(plan.nodes()).extracting(NodePlan::ip, NodePlan::ipv6).containsExactly(
                tuple(Optional.of("172.30.0.10"), Optional.of("fd00:1::10")),
                tuple(Optional.empty(), Optional.of("fd00:1::11")));
    }

    @Test
    void anIpv6NetworkWithoutASubnetGetsAUniqueLocalOneOfItsName() {
        ClusterPlan plan = ClusterPlanner.plan(withFamily(cluster("six", null, node("control-plane", null)),
                "ipv6"));

        assertThat(plan.subnet()).isEmpty();
        assertThat(plan.ipv6Subnet()).contains(ClusterPlanner.defaultIpv6Subnet("kubicle-six"));
        assertThat(ClusterPlanner.defaultIpv6Subnet("kubicle-six")).matches("fd[0-9a-f]{2}(:[0-9a-f]{1,4}){3}::/64")
                .isEqualTo(ClusterPlanner.defaultIpv6Subnet("kubicle-six"))
                .isNotEqualTo(ClusterPlanner.defaultIpv6Subnet("kubicle-seven"));
        assertThat(ClusterPlanner.plan(cluster("four", null, node("control-plane", null))).ipv6Subnet()).isEmpty();
    }
}
