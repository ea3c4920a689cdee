package dev.kubicle.cli;

import dev.kubicle.provider.ExecRequest;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workload the tests of clusters that last keep through stops, starts, engine restarts and rebuilt nodes: a
 * Deployment behind a Service, a ConfigMap, and a file written once on a volume of the default StorageClass, each
 * holding a value of this run's own.
 */
final class LastingWorkload {
    /** Pods come back after their node does, on their own time: how long a workload may take to be served again. */
    private static final Duration BACK_WITHIN = Duration.ofSeconds(120);

    /** Two web servers on different nodes behind a Service, a ConfigMap, and a file written once on a volume. */
    private static final String MANIFESTS = WebWorkload.deployment(2) + "---\n" + WebWorkload.service() + """
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: kept
            data:
              proof: PROOF
            ---
            """ + VolumeWriter.manifests("writer", "echo PROOF > /data/proof");

    private final E2ECluster cluster;
    private final String proof = UUID.randomUUID().toString();
    private String volumeNode;
    private String volumePath;

    LastingWorkload(E2ECluster cluster) {
        this.cluster = cluster;
    }

    /** Deploys it and waits until the file is written and the web servers run. */
    void deploy() {
        HostKubectl kubectl = cluster.kubectl();
        kubectl.apply(MANIFESTS.replace("PROOF", proof));
        kubectl.ok("wait", "--for=jsonpath={.status.phase}=Succeeded", "pod/writer", "--timeout=120s");
        kubectl.ok("rollout", "status", "deployment/web", "--timeout=120s");
        String volume = kubectl.ok("get", "pvc", "data", "-o", "jsonpath={.spec.volumeName}");
        volumePath = kubectl.ok("get", "pv", volume, "-o", "jsonpath={.spec.hostPath.path}{.spec.local.path}");
        volumeNode = kubectl.ok("get", "pod", "writer", "-o", "jsonpath={.spec.nodeName}");
    }

    /**
     * The ConfigMap and the file are read at once. The web pods restart on their own after their node does, with
     * new addresses, so the Service and every web pod are asked (from a web pod, hence across nodes) until they all
     * answer.
     */
    void assertThere() {
        HostKubectl kubectl = cluster.kubectl();
        assertThat(kubectl.ok("get", "configmap", "kept", "-o", "jsonpath={.data.proof}")).isEqualTo(proof);
        assertThat(cluster.docker().exec(volumeNode, ExecRequest.of("cat", volumePath + "/proof")).stdout().strip())
                .isEqualTo(proof);
        long deadline = System.nanoTime() + BACK_WITHIN.toNanos();
        while (true) {
            String podIps = kubectl.ok("get", "pods", "-l", "app=web", "-o", "jsonpath={.items[*].status.podIP}");
            HostKubectl.Result answers = kubectl.run("exec", "deployment/web", "--", "sh", "-c",
                    "timeout 5 wget -q -O - http://web.default.svc.cluster.local/ || exit 1; for ip in " + podIps
                            + "; do timeout 5 wget -q -O - http://$ip:8080/ || exit 1; done");
            if (answers.ok() && answers.out().lines().filter(line -> line.startsWith("web-")).count() == 3) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the web pods and their Service did not all answer within " + BACK_WITHIN
                        + " (pods at " + podIps + "): " + answers);
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
