package dev.kubicle.cli;

import java.time.Instant;
import java.util.List;

/**
 * The web servers end-to-end tests serve from their clusters: a Deployment {@code web} of busybox httpd on port
 * 8080, one pod per node at the most (a pod may not share a node with another, and they tolerate the control plane's
 * taint), each answering with its pod's name, so that a test can tell who answered; and a Service {@code web} in
 * front of all of them, for tests that need no Service of their own.
 */
final class WebWorkload {
    private static final String WAIT = "--timeout=120s";

    record WebPod(String name, String node, String ip) {
    }

    private WebWorkload() {
    }

    static String deployment(int replicas) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  replicas: %d
                  selector:
                    matchLabels: {app: web}
                  template:
                    metadata:
                      labels: {app: web}
                    spec:
                      tolerations:
                      - key: node-role.kubernetes.io/control-plane
                        operator: Exists
                        effect: NoSchedule
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
                        command:
                        - sh
                        - -c
                        - mkdir -p /www && hostname > /www/index.html && exec httpd -f -p 8080 -h /www
                        ports:
                        - containerPort: 8080
                        readinessProbe:
                          tcpSocket: {port: 8080}
                          periodSeconds: 1
                """.formatted(replicas);
    }

    static String service() {
        return """
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                spec:
                  selector: {app: web}
                  ports:
                  - port: 80
                    targetPort: 8080
                """;
    }

    /** The Deployment's pods, once all of its replicas are ready. */
    static List<WebPod> pods(HostKubectl kubectl) {
        kubectl.ok("rollout", "status", "deployment/web", WAIT);
        return kubectl.ok("get", "pods", "-l", "app=web", "--field-selector", "status.phase=Running", "-o",
                        "jsonpath={range .items[*]}{.metadata.name} {.spec.nodeName} {.status.podIP}{\"\\n\"}{end}")
                .lines().map(line -> line.split(" ")).map(f -> new WebPod(f[0], f[1], f[2])).toList();
    }

    /**
     * The Deployment's pods once a restart of the cluster's nodes (at {@code started}) is through for them and for
     * DNS: their pods restart at new addresses, and the Services lead to them once they are Ready again.
     */
    static List<WebPod> podsBackSince(E2ECluster cluster, HostKubectl kubectl, int replicas, Instant started)
            throws InterruptedException {
        ReadySince.pods(kubectl, "kube-system", "k8s-app=kube-dns", 2, started);
        ReadySince.pods(kubectl, "default", "app=web", replicas, started);
        List<WebPod> pods = pods(kubectl);
        cluster.awaitService("kube-system", "kube-dns");
        cluster.awaitService("default", "web");
        return pods;
    }

    /** Runs a shell script in the pod and gives its output; fails the test unless it succeeds. */
    static String exec(HostKubectl kubectl, WebPod pod, String script) {
        return kubectl.ok("exec", pod.name(), "--", "sh", "-c", script);
    }
}
