package dev.kubicle.cluster;

import java.time.Duration;

/**
 * How to create a cluster, beside its config.
 *
 * @param retain      keep the containers of a failed create, to look into them
 * @param bootTimeout how long each node may take to boot systemd and containerd
 * @param buildImages build a missing node image offline instead of failing
 * @param waitReady   how long to wait for every node to be Ready; zero returns once the nodes have joined
 * @param kubernetes  set Kubernetes up with kubeadm; without, the nodes boot and are left for setting it up by hand
 */
public record CreateOptions(boolean retain, Duration bootTimeout, boolean buildImages, Duration waitReady,
                            boolean kubernetes) {
    /** kubicle's users want a cluster they can schedule pods on when create returns, and it takes seconds here. */
    public static final Duration DEFAULT_WAIT_READY = Duration.ofMinutes(5);

    public static CreateOptions defaults() {
        return new CreateOptions(false, Duration.ofSeconds(90), true, DEFAULT_WAIT_READY, true);
    }

    public CreateOptions withRetain(boolean value) {
        return new CreateOptions(value, bootTimeout, buildImages, waitReady, kubernetes);
    }

    public CreateOptions withBuildImages(boolean value) {
        return new CreateOptions(retain, bootTimeout, value, waitReady, kubernetes);
    }

    public CreateOptions withWaitReady(Duration value) {
        return new CreateOptions(retain, bootTimeout, buildImages, value, kubernetes);
    }

    public CreateOptions withKubernetes(boolean value) {
        return new CreateOptions(retain, bootTimeout, buildImages, waitReady, value);
    }
}
