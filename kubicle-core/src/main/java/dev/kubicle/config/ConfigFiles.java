package dev.kubicle.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The one way the rest of kubicle gets a config: read strictly, default, apply the command line's overrides,
 * validate. What comes out is complete and valid.
 */
public final class ConfigFiles {
    /** How problems name the overrides' origin. */
    static final String COMMAND_LINE = "command line";
    private static final String NO_FILE = "default config";

    private ConfigFiles() {
    }

    public static Cluster load(Path file, Optional<String> nameOverride, Optional<String> imageOverride) {
        return resolve(ConfigLoader.parse(file), file.toString(), nameOverride, imageOverride);
    }

    /** A config given as text, such as one read from standard input; {@code sourceName} names it in problems. */
    public static Cluster load(String yaml, String sourceName, Optional<String> nameOverride,
            Optional<String> imageOverride) {
        return resolve(ConfigLoader.parse(yaml, sourceName), sourceName, nameOverride, imageOverride);
    }

    /** The config used without {@code --config}: one control-plane node, everything defaulted. */
    public static Cluster defaultCluster(Optional<String> nameOverride, Optional<String> imageOverride) {
        Cluster empty = new Cluster(null, null, null, null, null, null, null, null, null, null, null);
        return resolve(empty, NO_FILE, nameOverride, imageOverride);
    }

    public static Cluster defaultCluster() {
        return defaultCluster(Optional.empty(), Optional.empty());
    }

    private static Cluster resolve(Cluster parsed, String sourceName, Optional<String> nameOverride,
            Optional<String> imageOverride) {
        Cluster cluster = ConfigDefaults.apply(parsed);
        checkOverrides(cluster, nameOverride, imageOverride);
        if (nameOverride.isPresent()) {
            cluster = ConfigDefaults.withName(cluster, nameOverride.get());
        }
        if (imageOverride.isPresent()) {
            cluster = ConfigDefaults.withImage(cluster, imageOverride.get());
        }
        ConfigValidator.validate(cluster, sourceName);
        return cluster;
    }

    /**
     * Flags are checked on their own first, so that a bad {@code --name} is blamed on the flag rather than on the
     * file's {@code name} it replaced.
     */
    private static void checkOverrides(Cluster cluster, Optional<String> nameOverride, Optional<String> imageOverride) {
        Problems problems = new Problems();
        nameOverride.ifPresent(name -> ClusterNameRules.check(name, "--name", cluster.nodes(), problems));
        imageOverride.ifPresent(image -> ImageReference.check(image, "--image", problems));
        problems.throwIfAny(COMMAND_LINE);
    }
}
