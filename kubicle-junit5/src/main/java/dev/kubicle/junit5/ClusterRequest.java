package dev.kubicle.junit5;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.api.ClusterSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * What one test class asks for: a spec, and whether to keep the cluster for later runs.
 *
 * @param spec  the cluster, named
 * @param reuse keep it after the run and use it again in the next
 */
record ClusterRequest(ClusterSpec spec, boolean reuse) {

    /** Builds a test class's spec from its annotation; {@code reuseByDefault} is the run's {@code kubicle.reuse}. */
    static ClusterRequest of(KubicleCluster annotation, Class<?> testClass, boolean reuseByDefault) {
        ClusterSpec spec = annotation.config().isEmpty() ? built(annotation) : fromClasspath(annotation, testClass);
        if (!annotation.name().isEmpty()) {
            spec = spec.withName(annotation.name());
        } else if (spec.name().equals(ClusterSpec.builder().build().name())) {
            // kubicle's default name is what a user's own cluster is likely called: tests keep away from it.
            spec = spec.withName(defaultName(spec));
        }
        return new ClusterRequest(spec, annotation.reuse() || reuseByDefault);
    }

    /**
     * A name of its own for each spec that names no cluster, so that test classes asking for different clusters
     * never meet, and the same spec finds its cluster again in the next run.
     */
    static String defaultName(ClusterSpec spec) {
        return "junit-" + spec.hash().substring(0, 10);
    }

    private static ClusterSpec built(KubicleCluster annotation) {
        ClusterSpec.Builder builder = ClusterSpec.builder().controlPlanes(annotation.controlPlanes())
                .workers(annotation.workers());
        if (!annotation.image().isEmpty()) {
            builder.image(annotation.image());
        }
        return builder.build();
    }

    private static ClusterSpec fromClasspath(KubicleCluster annotation, Class<?> testClass) {
        String resource = annotation.config().startsWith("/") ? annotation.config().substring(1) : annotation.config();
        try (InputStream in = testClass.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new KubicleException(ExitCode.INVALID_INPUT, testClass.getName() + ": @KubicleCluster.config: "
                        + "no resource " + resource + " on the class path; put the file under src/test/resources");
            }
            return ClusterSpec.fromYaml(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath:" + resource, e);
        }
    }
}
