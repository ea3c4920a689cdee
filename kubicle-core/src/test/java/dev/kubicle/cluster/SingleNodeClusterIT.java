package dev.kubicle.cluster;

import dev.kubicle.config.ConfigFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The default cluster, one node, as 'kubicle create cluster' makes it: its only node runs the user's pods. */
class SingleNodeClusterIT {
    private static final String CLUSTER = "bs-single";

    @RegisterExtension
    static final LibraryCluster cluster = new LibraryCluster(CLUSTER);

    @Test
    void theOnlyNodeIsUntaintedAndRunsAPodThatToleratesNothing() {
        cluster.create(ConfigFiles.defaultCluster(Optional.of(CLUSTER), Optional.empty()), Duration.ofMinutes(3));
        String node = cluster.controlPlane();

        // The node lifecycle controller lifts its own not-ready taints a few seconds after Ready; only kubeadm's
        // control-plane taint is ours to remove.
        assertThat(cluster.kubectl("get", "node", node, "-o", "jsonpath={.spec.taints[*].key}"))
                .doesNotContain("node-role.kubernetes.io/control-plane");
        // kubicle chose the node's pod CIDR and wrote the CNI config with it before the kubelet started.
        assertThat(cluster.kubectl("get", "node", node, "-o", "jsonpath={.spec.podCIDR}")).isEqualTo("10.244.0.0/24");
        assertThat(cluster.run("cat", "/etc/cni/net.d/10-kubicle.conflist")).contains("\"subnet\": \"10.244.0.0/24\"");
        cluster.kubectl("run", "plain", "--image=docker.io/kubicle/busybox:v1", "--image-pull-policy=Never",
                "--restart=Never", "--command", "--", "true");
        cluster.kubectl("wait", "pod/plain", "--for=jsonpath={.status.phase}=Succeeded", "--timeout=120s");
        assertThat(cluster.kubectl("get", "pod", "plain", "-o", "jsonpath={.spec.nodeName}")).isEqualTo(node);
    }
}
