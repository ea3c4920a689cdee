package dev.kubicle.cli;

import dev.kubicle.provider.ExecRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cluster of one control plane and two workers from a kind config (no addresses given: kubicle pins them) that
 * lasts: stopped and started, through an engine restart, and with a worker's and the only control plane's
 * container removed by hand and made again. After each, every node has its address, and the workload, its
 * ConfigMap and the file on its volume are still there.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LastingClusterE2EIT {
    private static final String NAME = "e2e-lasting";
    private static final List<String> NODES = List.of(NAME + "-control-plane", NAME + "-worker", NAME + "-worker2");
    /** Pods come back after their node does, on their own time: how long a workload may take to be served again. */
    private static final Duration WORKLOAD_BACK = Duration.ofSeconds(120);
    private static final String PROOF = UUID.randomUUID().toString();

    @RegisterExtension
    static final E2ECluster cluster = new E2ECluster(NAME, """
            kind: Cluster
            apiVersion: kind.x-k8s.io/v1alpha4
            name: %s
            nodes:
            - role: control-plane
            - role: worker
            - role: worker
            """.formatted(NAME));

    /** A web server on each worker behind a Service, a ConfigMap, and a file written once on a volume. */
    private static final String WORKLOAD = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: 2
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  affinity:
                    podAntiAffinity:
                      requiredDuringSchedulingIgnoredDuringExecution:
                      - labelSelector:
                          matchLabels: {app: web}
                        topologyKey: kubernetes.io/hostname
                  terminationGracePeriodSeconds: 1
                  containers:
                  - name: web
                    image: docker.io/kubicle/busybox:v1
                    imagePullPolicy: Never
                    command: [sh, -c, 'mkdir -p /www && hostname > /www/index.html && exec httpd -f -p 8080 -h /www']
                    readinessProbe:
                      tcpSocket: {port: 8080}
                      periodSeconds: 1
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              selector: {app: web}
              ports:
              - port: 80
                targetPort: 8080
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: kept
            data:
              proof: %s
            ---
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata:
              name: data
            spec:
              accessModes: [ReadWriteOnce]
              resources:
                requests:
                  storage: 16Mi
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: writer
            spec:
              restartPolicy: Never
              containers:
              - name: writer
                image: docker.io/kubicle/busybox:v1
                imagePullPolicy: Never
                command: [sh, -c, 'echo %s > /data/proof']
                volumeMounts:
                - name: data
                  mountPath: /data
              volumes:
              - name: data
                persistentVolumeClaim:
                  claimName: data
            """.formatted(PROOF, PROOF);

    private static final LastingChecks checks = new LastingChecks(cluster);
    private static Map<String, String> addresses;
    private static String volumeNode;
    private static String volumePath;
    private static String workerUid;

    @BeforeAll
    static void deployTheWorkload() {
        HostKubectl kubectl = cluster.kubectl();
        kubectl.apply(WORKLOAD);
        kubectl.ok("wait", "--for=jsonpath={.status.phase}=Succeeded", "pod/writer", "--timeout=120s");
        kubectl.ok("rollout", "status", "deployment/web", "--timeout=120s");
        String volume = kubectl.ok("get", "pvc", "data", "-o", "jsonpath={.spec.volumeName}");
        volumePath = kubectl.ok("get", "pv", volume, "-o", "jsonpath={.spec.hostPath.path}{.spec.local.path}");
        volumeNode = kubectl.ok("get", "pod", "writer", "-o", "jsonpath={.spec.nodeName}");
        workerUid = kubectl.ok("get", "node", NAME + "-worker", "-o", "jsonpath={.metadata.uid}");
    }

    @Test
    @Order(1)
    void everyNodeOfAKindConfigIsPinnedToTheAddressItsNodeObjectNames() {
        addresses = checks.addresses();

        assertThat(addresses).containsOnlyKeys(NODES);
        checks.assertAddressesKept(addresses);
        assertThat(checks.reportedState()).isEqualTo("running");
        assertTheWorkloadAndItsDataAreThere();
    }

    @Test
    @Order(2)
    void stopThenStartKeepsAddressesObjectsAndData() {
        checks.cliOk("stop", "cluster", "--name", NAME);

        assertThat(checks.reportedState()).isEqualTo("stopped");
        assertThat(cluster.docker().listNodes(Map.of("dev.kubicle.cluster", NAME)))
                .noneMatch(node -> node.running());

        checks.cliOk("start", "cluster", "--name", NAME);

        assertThat(checks.reportedState()).isEqualTo("running");
        checks.assertAddressesKept(addresses);
        assertTheWorkloadAndItsDataAreThere();
    }

    @Test
    @Order(3)
    void theClusterComesBackByItselfWhenTheEngineRestarts() throws InterruptedException {
        checks.restartEngineAndAwaitTheCluster(NODES);

        checks.assertAddressesKept(addresses);
        assertTheWorkloadAndItsDataAreThere();
    }

    @Test
    @Order(4)
    void aWorkerRemovedByHandIsMadeAgainByStartAsTheSameNode() {
        cluster.docker().deleteNode(NAME + "-worker");
        assertThat(checks.reportedState()).isEqualTo("partly running");

        checks.cliOk("start", "cluster", "--name", NAME);

        checks.assertAddressesKept(addresses);
        assertThat(cluster.kubectl().ok("get", "node", NAME + "-worker", "-o", "jsonpath={.metadata.uid}"))
                .as("the Node object is the one from before").isEqualTo(workerUid);
        assertTheWorkloadAndItsDataAreThere();
    }

    @Test
    @Order(5)
    void theOnlyControlPlaneRemovedByHandIsMadeAgainWithTheClustersState() {
        cluster.docker().deleteNode(NAME + "-control-plane");

        checks.cliOk("start", "cluster", "--name", NAME);

        checks.assertAddressesKept(addresses);
        assertTheWorkloadAndItsDataAreThere();
    }

    @Test
    @Order(6)
    void deleteRemovesEverything() throws IOException {
        cluster.deleteAndAssertGone();
    }

    /**
     * The ConfigMap and the file are read at once. The web pods restart on their own after their node does, with
     * new addresses, so the Service and every web pod are asked (from a web pod, hence across nodes) until they all
     * answer.
     */
    private static void assertTheWorkloadAndItsDataAreThere() {
        HostKubectl kubectl = cluster.kubectl();
        assertThat(kubectl.ok("get", "configmap", "kept", "-o", "jsonpath={.data.proof}")).isEqualTo(PROOF);
        assertThat(cluster.docker().exec(volumeNode, ExecRequest.of("cat", volumePath + "/proof")).stdout().strip())
                .isEqualTo(PROOF);
        long deadline = System.nanoTime() + WORKLOAD_BACK.toNanos();
        while (true) {
            String podIps = kubectl.ok("get", "pods", "-l", "app=web", "-o", "jsonpath={.items[*].status.podIP}");
            HostKubectl.Result answers = kubectl.run("exec", "deployment/web", "--", "sh", "-c",
                    "timeout 5 wget -q -O - http://web.default.svc.cluster.local/ || exit 1; for ip in " + podIps
                            + "; do timeout 5 wget -q -O - http://$ip:8080/ || exit 1; done");
            if (answers.ok() && answers.out().lines().filter(line -> line.startsWith("web-")).count() == 3) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the web pods and their Service did not all answer within " + WORKLOAD_BACK
                        + " (pods at " + podIps + "): " + answers);
            }
            sleep(Duration.ofSeconds(1));
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
