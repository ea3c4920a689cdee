package dev.kubicle.cli;

/**
 * Pods that run once from an image loaded into the nodes (never pulled), each on the node named, whose entrypoint
 * is a shell: {@code -c "echo MESSAGE"}, so that its log shows it ran.
 */
final class LoadedImagePod {
    private static final String WAIT = "--timeout=120s";

    private LoadedImagePod() {
    }

    /** Runs a pod named "loaded" on the node and gives its log once it is through. */
    static String echo(HostKubectl kubectl, String node, String image, String message) {
        start(kubectl, "loaded", node, image, message);
        return logWhenDone(kubectl, "loaded");
    }

    /** Starts the pod; several can run at once. Control-plane nodes take it too. */
    static void start(HostKubectl kubectl, String pod, String node, String image, String message) {
        kubectl.apply("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: %s
                spec:
                  nodeName: %s
                  restartPolicy: Never
                  tolerations: [{operator: Exists}]
                  containers:
                  - name: loaded
                    image: %s
                    imagePullPolicy: Never
                    args: ["-c", "echo %s"]
                """.formatted(pod, node, image, message));
    }

    static String logWhenDone(HostKubectl kubectl, String pod) {
        kubectl.ok("wait", "--for=jsonpath={.status.phase}=Succeeded", "pod/" + pod, WAIT);
        return kubectl.ok("logs", pod).strip();
    }
}
