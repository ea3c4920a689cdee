package dev.kubicle.cluster;

import dev.kubicle.config.ConfigFiles;
import dev.kubicle.kubeconfig.KubeconfigFiles;
import dev.kubicle.nodeimage.OfflineNodeImages;
import dev.kubicle.progress.Progress;
import dev.kubicle.provider.ExecRequest;
import dev.kubicle.provider.ExecResult;
import dev.kubicle.provider.Provider;
import dev.kubicle.provider.docker.DockerProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The default cluster, one node, as 'kubicle create cluster' makes it: its only node runs the user's pods. */
class SingleNodeClusterIT {
    private static final String CLUSTER = "bs-single";
    private static final String NODE = CLUSTER + "-control-plane";
    private static Provider docker;
    private static Clusters clusters;

    @TempDir
    static Path dir;

    @BeforeAll
    static void connect() {
        docker = DockerProvider.connect();
        clusters = new Clusters(docker, Progress.silent(), new OfflineNodeImages(),
                new KubeconfigFiles(dir.resolve("kubeconfig").toString(), dir));
        clusters.delete(CLUSTER);
    }

    @AfterAll
    static void cleanUp() {
        clusters.delete(CLUSTER);
        docker.close();
    }

    @Test
    void theOnlyNodeIsUntaintedAndRunsAPodThatToleratesNothing() {
        clusters.create(ConfigFiles.defaultCluster(Optional.of(CLUSTER), Optional.empty()),
                CreateOptions.defaults().withWaitReady(Duration.ofMinutes(3)));

        // The node lifecycle controller lifts its own not-ready taints a few seconds after Ready; only kubeadm's
        // control-plane taint is ours to remove.
        assertThat(kubectl("get", "node", NODE, "-o", "jsonpath={.spec.taints[*].key}"))
                .doesNotContain("node-role.kubernetes.io/control-plane");
        // kubicle chose the node's pod CIDR and wrote the CNI config with it before the kubelet started.
        assertThat(kubectl("get", "node", NODE, "-o", "jsonpath={.spec.podCIDR}")).isEqualTo("10.244.0.0/24");
        ExecResult conf = docker.exec(NODE, ExecRequest.of("cat", "/etc/cni/net.d/10-kubicle.conflist"));
        assertThat(conf.stdout()).contains("\"subnet\": \"10.244.0.0/24\"");
        kubectl("run", "plain", "--image=docker.io/kubicle/busybox:v1", "--image-pull-policy=Never",
                "--restart=Never", "--command", "--", "true");
        kubectl("wait", "pod/plain", "--for=jsonpath={.status.phase}=Succeeded", "--timeout=120s");
        assertThat(kubectl("get", "pod", "plain", "-o", "jsonpath={.spec.nodeName}")).isEqualTo(NODE);
    }

    private static String kubectl(String... arguments) {
        String[] command = new String[arguments.length + 2];
        command[0] = "kubectl";
        command[1] = "--kubeconfig=/etc/kubernetes/admin.conf";
        System.arraycopy(arguments, 0, command, 2, arguments.length);
        ExecResult result = docker.exec(NODE, ExecRequest.of(command));
        assertThat(result.ok()).as(String.join(" ", command) + ": " + result.stdout() + result.stderr()).isTrue();
        return result.stdout().strip();
    }
}
