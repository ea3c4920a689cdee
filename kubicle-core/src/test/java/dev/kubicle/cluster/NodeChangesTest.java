package dev.kubicle.cluster;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.config.Cluster;
import dev.kubicle.kubeconfig.KubeconfigFiles;
import dev.kubicle.progress.Progress;
import dev.kubicle.provider.ExecRequest;
import dev.kubicle.provider.ExecResult;
import dev.kubicle.provider.NodeSpec;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.kubicle.cluster.TestConfigs.cluster;
import static dev.kubicle.cluster.TestConfigs.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Adding nodes to and removing them from a running cluster, over a recording provider; NodeLifecycleE2EIT proves it
 * on the engine.
 */
class NodeChangesTest {
    private static final String CLUSTER_CONFIGURATION = """
            apiVersion: kubeadm.k8s.io/v1beta4
            clusterName: dev
            controlPlaneEndpoint: %s:6443
            controllerManager:
              extraArgs:
              - name: allocate-node-cidrs
                value: "false"
            networking:
              podSubnet: 10.244.0.0/16
              serviceSubnet: 10.96.0.0/16
            """;
    private static final String TOKEN = "fresh0.0123456789abcdef";

    private final RecordingProvider provider = new RecordingProvider();
    @TempDir
    Path home;
    private Clusters clusters;
    /** What etcd's member list answers, as JSON. */
    private String etcdMembers = "{\"members\":[]}";

    private void running(Cluster config) {
        provider.images.add(TestConfigs.IMAGE);
        provider.images.add(LoadBalancerImage.REFERENCE);
        provider.execAnswer = NodeAnswers::of;
        clusters = new Clusters(provider, Progress.silent(), NodeImageBuilder.none(), new KubeconfigFiles(null, home));
        clusters.create(config, new CreateOptions(false, Duration.ofSeconds(1), true, Duration.ZERO, true));
        boolean balanced = config.nodes().stream().filter(node -> node.role().equals("control-plane")).count() > 1;
        String endpoint = balanced ? "dev-external-load-balancer" : "dev-control-plane";
        provider.execAnswer = request -> answer(request, endpoint);
        provider.calls.clear();
    }

    /** What a running cluster of kubicle's answers to the commands adding and removing nodes run. */
    private ExecResult answer(ExecRequest request, String endpoint) {
        String command = String.join(" ", request.command());
        if (command.contains("get configmap kubeadm-config")) {
            return ok(CLUSTER_CONFIGURATION.formatted(endpoint));
        }
        if (command.contains("get configmap kube-proxy")) {
            return ok("mode: iptables\n");
        }
        if (command.contains("get daemonset kubicle-cni")) {
            return ok("10.244.0.0/16");
        }
        if (command.contains("get nodes -o jsonpath=")) {
            return ok("dev-control-plane|10.244.0.0/24,|172.30.0.2,\ndev-worker|10.244.1.0/24,|172.30.0.3,\n");
        }
        if (command.startsWith("kubeadm token create")) {
            return ok(TOKEN + "\n");
        }
        if (command.startsWith("base64")) {
            return ok("Q0E=");
        }
        if (command.contains("/v3/cluster/member/")) {
            return ok("HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n" + etcdMembers);
        }
        return NodeAnswers.of(request);
    }

    private static ExecResult ok(String stdout) {
        return new ExecResult(0, stdout, "");
    }

    private static Cluster oneControlPlaneAndAWorker() {
        return cluster("dev", "172.30.0.0/24", node("control-plane", null), node("worker", null));
    }

    private static Cluster twoControlPlanesAndAWorker() {
        return cluster("dev", "172.30.0.0/24", node("control-plane", null), node("control-plane", null),
                node("worker", null));
    }

    @Test
    void aWorkerGetsTheNextNameAddressAndPodCidrAndJoinsWithATokenMadeForIt() {
        running(oneControlPlaneAndAWorker());

        ClusterNode added = clusters.createNode("dev", NodeOptions.of(NodeRole.WORKER)
                .withLabels(Map.of("tier", "edge")));

        assertThat(added).isEqualTo(new ClusterNode("dev-worker2", NodeRole.WORKER, "running", "172.30.0.4",
                TestConfigs.IMAGE));
        String config = provider.files.get("dev-worker2:/kind/kubeadm.conf");
        assertThat(config).contains("kind: JoinConfiguration", "tlsBootstrapToken: " + TOKEN, "value: tier=edge",
                "kubeConfigPath: /kind/discovery.conf").doesNotContain("certificateKey");
        assertThat(provider.files.get("dev-worker2:/kind/discovery.conf")).contains("server: https://"
                + "dev-control-plane:6443", "certificate-authority-data: Q0E=");
        assertCallsInOrder("runNode dev-worker2", "exec dev-control-plane kubeadm token create --ttl 15m",
                "exec dev-worker2 sh -c if command -v kubicle-cni-conf >/dev/null; then kubicle-cni-conf \"$1\"; "
                        + "fi sh 10.244.2.0/24", "exec dev-worker2 sh -c kubeadm join");
        assertThat(provider.calls).filteredOn(call -> call.contains("kubeadm join")).singleElement().asString()
                .startsWith("exec dev-worker2 ");
        assertThat(provider.calls).filteredOn(call -> call.contains(" patch node ")).singleElement().asString()
                .startsWith("exec dev-control-plane ").endsWith("dev-worker2 10.244.2.0/24");
        assertThat(provider.calls).anyMatch(call -> call.contains("kubicle-pod-routes"));
    }

    @Test
    void nodesAreMadeWithTheClustersDnsSearchDomainsAndAnAddedOneGetsTheSameFromTheirRecords() {
        running(TestConfigs.withDnsSearch(oneControlPlaneAndAWorker(), List.of("corp.example")));

        clusters.createNode("dev", NodeOptions.of(NodeRole.WORKER));

        assertThat(provider.nodes.values()).extracting(NodeSpec::name, NodeSpec::dnsSearch).containsExactly(
                tuple("dev-control-plane", Optional.of(List.of("corp.example"))),
                tuple("dev-worker", Optional.of(List.of("corp.example"))),
                tuple("dev-worker2", Optional.of(List.of("corp.example"))));
    }

    @Test
    void aControlPlaneJoinsWithTheKeysAnotherOneUploadedAndTheLoadBalancerFollows() {
        running(twoControlPlanesAndAWorker());

        ClusterNode added = clusters.createNode("dev", NodeOptions.of(NodeRole.CONTROL_PLANE).withIp("172.30.0.20"));

        assertThat(added.name()).isEqualTo("dev-control-plane3");
        assertThat(added.ip()).isEqualTo("172.30.0.20");
        String config = provider.files.get("dev-control-plane3:/kind/kubeadm.conf");
        String key = config.replaceFirst("(?s).*certificateKey: ([0-9a-f]{64}).*", "$1");
        assertThat(provider.files.get("dev-control-plane:/kind/kubeadm-upload-certs.conf"))
                .startsWith("apiVersion: kubeadm.k8s.io/v1beta4\nkind: InitConfiguration\ncertificateKey: " + key)
                .contains("controlPlaneEndpoint: dev-external-load-balancer:6443");
        assertCallsInOrder("exec dev-control-plane sh -c kubeadm init phase upload-certs",
                "exec dev-control-plane rm -f /kind/kubeadm-upload-certs.conf",
                "exec dev-control-plane3 sh -c kubeadm join",
                "writeFile dev-external-load-balancer /kind/haproxy.cfg.next");
        assertThat(provider.files.get("dev-external-load-balancer:/kind/haproxy.cfg.next"))
                .contains("server dev-control-plane3 dev-control-plane3:6443");
    }

    @Test
    void aControlPlaneTakingTheFirstOnesNameAfterItWasDeletedIsJoinedFromAnotherControlPlane() {
        running(twoControlPlanesAndAWorker());
        clusters.deleteNode("dev", "dev-control-plane");
        provider.calls.clear();

        assertThat(clusters.createNode("dev", NodeOptions.of(NodeRole.CONTROL_PLANE)).name())
                .isEqualTo("dev-control-plane");

        assertThat(provider.calls).filteredOn(call -> call.contains("kubeadm token create")).singleElement()
                .asString().startsWith("exec dev-control-plane2 ");
        assertThat(provider.calls).filteredOn(call -> call.contains("upload-certs")).isNotEmpty()
                .allMatch(call -> call.contains(" dev-control-plane2 "));
    }

    @Test
    void aClusterMadeWithOneControlPlaneCannotGainAnotherAndNothingIsMade() {
        running(oneControlPlaneAndAWorker());

        assertRefused(() -> clusters.createNode("dev", NodeOptions.of(NodeRole.CONTROL_PLANE)),
                "cluster \"dev\" has one control plane and no load balancer, so it cannot gain control planes; "
                        + "create the cluster with two or more control planes to be able to add more");
    }

    @Test
    void anUnknownClusterBadLabelsOrAnAddressTakenOrOutsideAreRefusedBeforeAnythingIsMade() {
        running(oneControlPlaneAndAWorker());

        assertRefused(() -> clusters.createNode("other", NodeOptions.of(NodeRole.WORKER)),
                "no cluster named \"other\" exists; see 'kubicle get clusters'", ExitCode.UNEXPECTED_STATE);
        assertRefused(() -> clusters.createNode("dev", NodeOptions.of(NodeRole.WORKER)
                .withLabels(Map.of("Bad/tier", "edge"))), "--labels: [\"Bad/tier\"]: the prefix \"Bad\" is not a "
                + "lower-case DNS subdomain; use lower-case letters, digits, '-' and '.', such as example.com");
        assertRefused(() -> clusters.createNode("dev", NodeOptions.of(NodeRole.WORKER).withIp("172.30.0.3")),
                "--ip 172.30.0.3 is already the address of a node of the cluster; use a free address of "
                        + "172.30.0.0/24, such as 172.30.0.4, or leave --ip out for that one");
        assertRefused(() -> clusters.createNode("dev", NodeOptions.of(NodeRole.WORKER).withIp("10.1.2.3")),
                "--ip 10.1.2.3 is outside the cluster network's subnet 172.30.0.0/24; use a free address of "
                        + "172.30.0.0/24, such as 172.30.0.4, or leave --ip out for that one");
    }

    @Test
    void aFailedJoinTakesTheNodeOutOfTheClusterAndRemovesItsContainerAndVolume() {
        running(oneControlPlaneAndAWorker());
        var cluster = provider.execAnswer;
        provider.execAnswer = request -> String.join(" ", request.command()).contains("kubeadm join")
                ? new ExecResult(1, "", "error execution phase kubelet-start") : cluster.apply(request);

        assertThatThrownBy(() -> clusters.createNode("dev", NodeOptions.of(NodeRole.WORKER)))
                .isInstanceOf(KubicleException.class).hasMessageStartingWith("kubeadm join failed on node dev-worker2");

        assertThat(provider.nodes).doesNotContainKey("dev-worker2");
        assertThat(provider.volumes).doesNotContainKey("dev-worker2-var");
        assertThat(provider.calls).anyMatch(call -> call.endsWith("delete node dev-worker2 --ignore-not-found"));
    }

    @Test
    void aWorkerFoundByItsLabelsIsDrainedThenItsNodeObjectContainerAndVolumeGo() {
        running(oneControlPlaneAndAWorker());

        clusters.deleteNode("dev-worker");

        assertCallsInOrder("exec dev-control-plane kubectl --kubeconfig=/etc/kubernetes/admin.conf drain dev-worker "
                        + "--ignore-daemonsets --delete-emptydir-data --force --timeout=60s",
                "exec dev-control-plane kubectl --kubeconfig=/etc/kubernetes/admin.conf delete node dev-worker "
                        + "--ignore-not-found",
                "deleteNode dev-worker", "deleteVolume dev-worker-var");
        assertThat(provider.nodes).containsOnlyKeys("dev-control-plane");
        assertThat(clusters.nodes("dev")).extracting(ClusterNode::name).containsExactly("dev-control-plane");
    }

    @Test
    void aControlPlaneIsResetAndWhatEtcdStillKnowsOfItIsRemovedFromAnotherControlPlane() {
        running(twoControlPlanesAndAWorker());
        // As if kubeadm reset could not reach etcd: the member is still there afterwards.
        etcdMembers = "{\"members\":[{\"ID\":\"11\",\"name\":\"dev-control-plane\",\"peerURLs\":"
                + "[\"https://172.30.0.2:2380\"]},{\"ID\":\"22\",\"name\":\"dev-control-plane2\",\"peerURLs\":"
                + "[\"https://172.30.0.3:2380\"]}]}";

        clusters.deleteNode("dev", "dev-control-plane2");

        assertCallsInOrder("exec dev-control-plane2 sh -c kubeadm reset --force",
                "exec dev-control-plane sh -c printf", "deleteNode dev-control-plane2",
                "writeFile dev-external-load-balancer /kind/haproxy.cfg.next");
        assertThat(provider.calls).filteredOn(call -> call.contains("/v3/cluster/member/remove")).singleElement()
                .asString().startsWith("exec dev-control-plane ").endsWith("{\"ID\":\"22\"}");
        assertThat(provider.files.get("dev-external-load-balancer:/kind/haproxy.cfg.next"))
                .doesNotContain("dev-control-plane2");
    }

    @Test
    void theLastControlPlaneTheLoadBalancerAndUnknownNodesAreRefused() {
        running(oneControlPlaneAndAWorker());

        assertRefused(() -> clusters.deleteNode("dev-control-plane"), "dev-control-plane is the last control plane "
                + "of cluster \"dev\", which cannot lose it; delete the whole cluster with 'kubicle delete cluster "
                + "--name dev'");
        assertRefused(() -> clusters.deleteNode("dev", "dev-worker7"), "cluster \"dev\" has no node named "
                + "\"dev-worker7\"; see 'kubicle get nodes --name dev'");
        assertRefused(() -> clusters.deleteNode("dev-worker7"), "no node named \"dev-worker7\" exists; see "
                + "'kubicle get nodes --name CLUSTER', or name its cluster with --name");
        clusters.delete("dev");
        running(twoControlPlanesAndAWorker());
        assertRefused(() -> clusters.deleteNode("dev-external-load-balancer"), "dev-external-load-balancer is the "
                + "load balancer of cluster \"dev\", not a node; it goes with the cluster ('kubicle delete "
                + "cluster --name dev')");
    }

    /** Asserts that calls starting so were made, in this order (others may come between). */
    private void assertCallsInOrder(String... starts) {
        List<String> rest = List.copyOf(provider.calls);
        for (String start : starts) {
            int found = rest.stream().filter(call -> call.startsWith(start)).findFirst().map(rest::indexOf)
                    .orElseThrow(() -> new AssertionError("no call starting with \"" + start + "\" in order in "
                            + provider.calls));
            rest = rest.subList(found + 1, rest.size());
        }
    }

    private void assertRefused(ThrowingCallable change, String message) {
        assertRefused(change, message, ExitCode.INVALID_INPUT);
    }

    private void assertRefused(ThrowingCallable change, String message, ExitCode code) {
        List<String> containers = List.copyOf(provider.nodes.keySet());
        provider.calls.clear();

        assertThatThrownBy(change).isInstanceOf(KubicleException.class).hasMessage(message)
                .extracting(e -> ((KubicleException) e).exitCode()).isEqualTo(code);
        assertThat(provider.nodes).containsOnlyKeys(containers);
        assertThat(provider.calls).noneMatch(call -> call.startsWith("runNode") || call.startsWith("delete")
                || call.contains(" drain ") || call.contains("kubeadm"));
    }
}
