package dev.kubicle.cli;

import dev.kubicle.config.ConfigDefaults;
import dev.kubicle.nodeimage.KubernetesNodeImageBuilder;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The node image of the end-to-end tests whose engines keep images of their own (Podman, engines beside the main
 * Docker engine): it is built into Docker first, then copied from there by the project's scripts.
 */
final class E2ENodeImage {

    private E2ENodeImage() {
    }

    /**
     * {@code -Dkubicle.e2e.image} (see {@link E2ECluster}) as it is, else the default node image, built into Docker
     * by this run unless an earlier test did.
     */
    static String inDocker() {
        String image = System.getProperty("kubicle.e2e.image", "");
        if (!image.isBlank()) {
            return image;
        }
        CliRun build = CliRun.ofJar(Map.of(), "build", "node-image", "--provider", "docker");
        assertThat(build.exitCode()).as(build.err()).isZero();
        return KubernetesNodeImageBuilder.defaultReference(ConfigDefaults.DEFAULT_KUBERNETES_VERSION);
    }
}
