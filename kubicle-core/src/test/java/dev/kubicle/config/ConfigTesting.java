package dev.kubicle.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Small YAML configs for table-driven tests, and the report lines loading them gives. */
final class ConfigTesting {
    static final String SOURCE = "cluster.yaml";
    /** A directory that exists wherever the tests run, for extraMounts' hostPath. */
    static final String EXISTING_DIR = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().toString();

    private ConfigTesting() {
    }

    static String kubicle(String body) {
        return "apiVersion: kubicle.dev/v1alpha1\nkind: Cluster\n" + body;
    }

    static String kind(String body) {
        return "apiVersion: kind.x-k8s.io/v1alpha4\nkind: Cluster\n" + body;
    }

    /** The lines of the error that loading {@code yaml} as {@value #SOURCE} reports; none when it loads. */
    static List<String> problems(String yaml) {
        try {
            ConfigFiles.load(yaml, SOURCE, Optional.empty(), Optional.empty());
            return List.of();
        } catch (ConfigException e) {
            return e.getMessage().lines().toList();
        }
    }

    /** The error that reading {@code yaml} as {@value #SOURCE} gives, checked to be one line. */
    static String readError(String yaml) {
        try {
            ConfigLoader.parse(yaml, SOURCE);
        } catch (ConfigException e) {
            assertThat(e.getMessage()).doesNotContain("\n");
            return e.getMessage();
        }
        throw new AssertionError("read without an error:\n" + yaml);
    }

    static Cluster load(String yaml) {
        return ConfigFiles.load(yaml, SOURCE, Optional.empty(), Optional.empty());
    }
}
