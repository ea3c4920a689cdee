package dev.kubicle.cli;

/** A pod that runs once from an image loaded into the nodes (never pulled), on the node named. */
final class LoadedImagePod {
    private static final String WAIT = "--timeout=120s";

    private LoadedImagePod() {
    }

    /** Runs {@code echo message} in a pod named "loaded" from the image (whose entrypoint is a shell); gives its log. */
    static String echo(HostKubectl kubectl, String node, String image, String message) {
        kubectl.apply("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: loaded
                spec:
                  nodeName: %s
                  restartPolicy: Never
                  containers:
                  - name: loaded
                    image: %s
                    imagePullPolicy: Never
                    args: ["-c", "echo %s"]
                """.formatted(node, image, message));
        kubectl.ok("wait", "--for=jsonpath={.status.phase}=Succeeded", "pod/loaded", WAIT);
        return kubectl.ok("logs", "loaded").strip();
    }
}
