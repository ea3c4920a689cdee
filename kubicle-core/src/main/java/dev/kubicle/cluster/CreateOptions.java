package dev.kubicle.cluster;

import java.time.Duration;

/**
 * How to create a cluster, beside its config.
 *
 * @param retain      keep the containers of a failed create, to look into them
 * @param bootTimeout how long each node may take to boot systemd and containerd
 * @param buildImages build a missing node image offline instead of failing
 */
public record CreateOptions(boolean retain, Duration bootTimeout, boolean buildImages) {

    public static CreateOptions defaults() {
        return new CreateOptions(false, Duration.ofSeconds(90), true);
    }

    public CreateOptions withRetain(boolean value) {
        return new CreateOptions(value, bootTimeout, buildImages);
    }

    public CreateOptions withBuildImages(boolean value) {
        return new CreateOptions(retain, bootTimeout, value);
    }
}
