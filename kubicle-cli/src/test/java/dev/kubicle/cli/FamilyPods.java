package dev.kubicle.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * What the IPv6 and dual-stack end-to-end tests reach each other with: busybox web servers on chosen nodes, each
 * answering with its pod's name on port 8080 of each of its addresses, and fetches from inside a pod.
 */
final class FamilyPods {
    static final String WAIT = "--timeout=120s";

    private FamilyPods() {
    }

    /** A web server pod on {@code node}, labelled {@code app: NAME} for a Service to select. */
    static String webPod(String name, String node) {
        return """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: %1$s
                  labels: {app: %1$s}
                spec:
                  nodeName: %2$s
                  tolerations: [{operator: Exists}]
                  terminationGracePeriodSeconds: 1
                  containers:
                  - name: web
                    image: docker.io/kubicle/busybox:v1
                    imagePullPolicy: Never
                    command: [sh, -c, 'mkdir -p /www && hostname > /www/index.html && exec httpd -f -p 8080 -h /www']
                    readinessProbe:
                      tcpSocket: {port: 8080}
                      periodSeconds: 1
                """.formatted(name, node);
    }

    /** A Service on port 80 in front of {@link #webPod}s, with an address of each family the cluster has. */
    static String service(String name, String ipFamilyPolicy) {
        return """
                apiVersion: v1
                kind: Service
                metadata:
                  name: %1$s
                spec:
                  ipFamilyPolicy: %2$s
                  selector: {app: %1$s}
                  ports:
                  - port: 80
                    targetPort: 8080
                """.formatted(name, ipFamilyPolicy);
    }

    /** The API server's URL in the kubeconfig the create exported, once every node is Ready. */
    static String serverOnceNodesReady(HostKubectl kubectl) {
        kubectl.ok("wait", "--for=condition=Ready", "nodes", "--all", WAIT);
        return kubectl.ok("config", "view", "--minify", "-o", "jsonpath={.clusters[0].cluster.server}");
    }

    /** The pod's addresses, the cluster's primary family first. */
    static List<String> podIps(HostKubectl kubectl, String pod) {
        kubectl.ok("wait", "--for=condition=Ready", "pod/" + pod, WAIT);
        return List.of(kubectl.ok("get", "pod", pod, "-o", "jsonpath={.status.podIPs[*].ip}").strip().split(" "));
    }

    /** What {@code url} answers a fetch from inside the pod; fails the test unless it answers. */
    static String fetch(HostKubectl kubectl, String pod, String url) {
        return kubectl.ok("exec", pod, "--", "sh", "-c", "timeout 10 wget -q -O - " + url).strip();
    }

    /** {@code http://address:port/}, with an IPv6 address in brackets. */
    static String url(String address, int port) {
        return "http://" + (address.contains(":") ? "[" + address + "]" : address) + ":" + port + "/";
    }

    static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(literal + " is not an IP address", e);
        }
    }
}
