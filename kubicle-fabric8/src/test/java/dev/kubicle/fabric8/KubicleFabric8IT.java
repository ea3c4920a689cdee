package dev.kubicle.fabric8;

import dev.kubicle.api.ClusterHandle;
import dev.kubicle.junit5.KubicleCluster;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fabric8 client made from a real 1-node cluster's kubeconfig reads the API server, writes to it what kubectl in
 * the node then reads, and watches a pod until it runs and is Ready, then reads its log.
 */
@KubicleCluster(name = KubicleFabric8IT.CLUSTER)
class KubicleFabric8IT {
    static final String CLUSTER = "j2-fabric8";

    static ClusterHandle cluster;
    static KubernetesClient client;

    @BeforeAll
    static void connect() {
        client = KubicleFabric8.client(cluster);
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @Test
    void listsTheClustersNodeAsReady() {
        List<Node> nodes = client.nodes().list().getItems();

        assertThat(nodes).extracting(node -> node.getMetadata().getName()).containsExactly(CLUSTER + "-control-plane");
        assertThat(nodes.get(0).getStatus().getConditions()).filteredOn(condition -> condition.getType().equals("Ready"))
                .extracting(NodeCondition::getStatus).containsExactly("True");
    }

    @Test
    void aConfigMapItCreatesIsWhatKubectlInTheNodeReads() {
        client.configMaps().inNamespace("default").resource(new ConfigMapBuilder().withNewMetadata()
                .withName("greeting").endMetadata().addToData("message", "made by fabric8").build()).create();

        assertThat(cluster.kubectl("get", "configmap", "greeting", "-n", "default", "-o", "jsonpath={.data.message}"))
                .isEqualTo("made by fabric8");
    }

    @Test
    void watchesAPodUntilItRunsAndIsReadyThenReadsItsLog() {
        // busybox is preloaded in kubicle's node image: no registry is needed. The pod turns Ready once its first
        // line is written, so the log is complete when the wait ends. The image has no /tmp of its own.
        Pod pod = new PodBuilder().withNewMetadata().withName("greeter").endMetadata().withNewSpec()
                .addNewContainer().withName("greeter").withImage("docker.io/kubicle/busybox:v1")
                .withImagePullPolicy("Never")
                .withCommand("sh", "-c", "echo started; mkdir -p /tmp && touch /tmp/started; exec sleep 600")
                .withNewReadinessProbe().withNewExec().withCommand("sh", "-c", "test -e /tmp/started").endExec()
                .withPeriodSeconds(1).endReadinessProbe()
                .endContainer().withTerminationGracePeriodSeconds(0L).endSpec().build();
        client.pods().inNamespace("default").resource(pod).create();

        Pod ready = client.pods().inNamespace("default").withName("greeter")
                .waitUntilCondition(KubicleFabric8IT::runningAndReady, 2, TimeUnit.MINUTES);

        assertThat(ready.getSpec().getNodeName()).isEqualTo(CLUSTER + "-control-plane");
        assertThat(client.pods().inNamespace("default").withName("greeter").getLog()).isEqualTo("started\n");
    }

    private static boolean runningAndReady(Pod pod) {
        return pod != null && "Running".equals(pod.getStatus().getPhase()) && pod.getStatus().getConditions().stream()
                .anyMatch(condition -> condition.getType().equals("Ready") && condition.getStatus().equals("True"));
    }
}
