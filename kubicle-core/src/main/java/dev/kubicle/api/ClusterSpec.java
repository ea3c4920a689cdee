package dev.kubicle.api;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.config.Cluster;
import dev.kubicle.config.ConfigFiles;
import dev.kubicle.config.ConfigPrinter;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * What a cluster should be: the same model as a config file ({@code kind.x-k8s.io/v1alpha4} or
 * {@code kubicle.dev/v1alpha1}), read from YAML or built in code, defaulted and validated when made. A spec is
 * immutable; two specs that describe the same cluster have the same {@link #hash()}.
 */
public final class ClusterSpec {
    private final Cluster config;

    private ClusterSpec(Cluster config) {
        this.config = config;
    }

    /**
     * A spec built in code; without any setting, one control-plane node named {@code kubicle}.
     *
     * @return a builder with kubicle's defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a config file.
     *
     * @param file a cluster config in YAML or JSON
     * @return the defaulted, validated spec
     * @throws dev.kubicle.KubicleException with {@link dev.kubicle.ExitCode#INVALID_INPUT} naming the file, field
     *                                      and fix of every problem
     */
    public static ClusterSpec fromFile(Path file) {
        return new ClusterSpec(ConfigFiles.load(file, Optional.empty(), Optional.empty()));
    }

    /**
     * Reads a config given as text.
     *
     * @param yaml       a cluster config in YAML or JSON
     * @param sourceName how problems name where the text came from, such as {@code classpath:cluster.yaml}
     * @return the defaulted, validated spec
     * @throws dev.kubicle.KubicleException with {@link dev.kubicle.ExitCode#INVALID_INPUT} for a config that is not
     *                                      valid
     */
    public static ClusterSpec fromYaml(String yaml, String sourceName) {
        return new ClusterSpec(ConfigFiles.load(yaml, sourceName, Optional.empty(), Optional.empty()));
    }

    /**
     * The same cluster under another name.
     *
     * @param name a valid cluster name
     * @return a new spec
     */
    public ClusterSpec withName(String name) {
        return new ClusterSpec(ConfigFiles.load(toYaml(), "ClusterSpec.withName", Optional.of(name),
                Optional.empty()));
    }

    /** @return the cluster's name, which prefixes its node containers' names */
    public String name() {
        return config.name();
    }

    /** @return the spec as a complete config file, every default written out */
    public String toYaml() {
        return ConfigPrinter.toYaml(config);
    }

    /**
     * A digest of everything the spec says, the name included: equal for equal specs, across JVMs and runs.
     *
     * @return 64 lowercase hexadecimal digits (SHA-256)
     */
    public String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(toYaml().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    Cluster config() {
        return config;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClusterSpec spec && spec.toYaml().equals(toYaml());
    }

    @Override
    public int hashCode() {
        return toYaml().hashCode();
    }

    @Override
    public String toString() {
        return "ClusterSpec[" + name() + ", " + hash().substring(0, 12) + "]";
    }

    /** Builds a spec in code; it is written as a {@code kubicle.dev/v1alpha1} config and read like a file. */
    public static final class Builder {
        private String name;
        private int controlPlanes = 1;
        private int workers;
        private String image;

        private Builder() {
        }

        /**
         * @param value the cluster's name (default {@code kubicle})
         * @return this builder
         */
        public Builder name(String value) {
            this.name = Objects.requireNonNull(value);
            return this;
        }

        /**
         * @param count control-plane nodes, at least one (default 1); two or more sit behind a load balancer
         * @return this builder
         */
        public Builder controlPlanes(int count) {
            this.controlPlanes = count;
            return this;
        }

        /**
         * @param count worker nodes (default 0: the control plane runs pods itself)
         * @return this builder
         */
        public Builder workers(int count) {
            this.workers = count;
            return this;
        }

        /**
         * @param reference the node image of every node (default kubicle's offline-built image)
         * @return this builder
         */
        public Builder image(String reference) {
            this.image = Objects.requireNonNull(reference);
            return this;
        }

        /**
         * @return the defaulted, validated spec
         * @throws dev.kubicle.KubicleException with {@link dev.kubicle.ExitCode#INVALID_INPUT} for a setting that
         *                                      is not valid
         */
        public ClusterSpec build() {
            if (controlPlanes < 1 || workers < 0) {
                throw new KubicleException(ExitCode.INVALID_INPUT, "ClusterSpec.builder(): "
                        + controlPlanes + " control plane(s) and " + workers + " worker(s); a cluster needs at "
                        + "least one control plane and no negative count of workers");
            }
            StringBuilder yaml = new StringBuilder("kind: Cluster\napiVersion: kubicle.dev/v1alpha1\n");
            if (name != null) {
                yaml.append("name: ").append(quoted(name)).append('\n');
            }
            yaml.append("nodes:\n");
            appendNodes(yaml, "control-plane", controlPlanes);
            appendNodes(yaml, "worker", workers);
            return fromYaml(yaml.toString(), "ClusterSpec.builder()");
        }

        private void appendNodes(StringBuilder yaml, String role, int count) {
            for (int i = 0; i < count; i++) {
                yaml.append("- role: ").append(role).append('\n');
                if (image != null) {
                    yaml.append("  image: ").append(quoted(image)).append('\n');
                }
            }
        }

        /** JSON's string syntax is YAML's double-quoted scalar, so any value stays one scalar. */
        private static String quoted(String value) {
            return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
    }
}
