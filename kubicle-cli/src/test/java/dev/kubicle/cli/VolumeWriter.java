package dev.kubicle.cli;

/**
 * A claim on the default StorageClass (local-path) and a pod that runs a shell command with the claim's volume at
 * {@code /data}: how the end-to-end tests put a file on a volume.
 */
final class VolumeWriter {
    private VolumeWriter() {
    }

    /** The claim {@code data} and the pod, as one manifest. */
    static String manifests(String pod, String command) {
        return """
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
                  name: %s
                spec:
                  restartPolicy: Never
                  containers:
                  - name: writer
                    image: docker.io/kubicle/busybox:v1
                    imagePullPolicy: Never
                    command: [sh, -c, '%s']
                    volumeMounts:
                    - name: data
                      mountPath: /data
                  volumes:
                  - name: data
                    persistentVolumeClaim:
                      claimName: data
                """.formatted(pod, command);
    }
}
