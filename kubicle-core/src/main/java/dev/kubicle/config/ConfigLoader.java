package dev.kubicle.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a cluster config file strictly, as kind does: unknown fields, values of the wrong type, broken YAML and an
 * unknown {@code kind} or {@code apiVersion} are errors, all of them reported together with their YAML paths.
 * The result is not defaulted; see {@link ConfigDefaults}.
 */
public final class ConfigLoader {

    private ConfigLoader() {
    }

    public static Cluster parse(Path file) {
        String sourceName = file.toString();
        String yaml;
        try {
            yaml = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw problem(sourceName, "does not exist", "check the path given to --config");
        } catch (IOException e) {
            throw problem(sourceName, "cannot be read (" + e.getMessage() + ")", "check that it is a readable file");
        }
        return parse(yaml, sourceName);
    }

    /** @param sourceName how problems name the config's origin, usually its file name */
    public static Cluster parse(String yaml, String sourceName) {
        List<YamlValue> documents;
        try {
            documents = YamlReader.readAll(yaml);
        } catch (YamlReader.SyntaxError e) {
            throw problem(sourceName, "is not valid YAML" + e.describe(),
                    e.fixOr("fix the YAML syntax there"));
        }
        if (documents.isEmpty() || isNull(documents.get(0))) {
            throw problem(sourceName, "is empty",
                    "start it with apiVersion: " + TypeMetaRules.KUBICLE_API_VERSION + " and kind: Cluster");
        }
        if (documents.size() > 1) {
            throw problem(sourceName, "holds " + documents.size() + " YAML documents", "keep one cluster per file");
        }
        Problems problems = new Problems();
        Cluster cluster = ClusterDecoder.CLUSTER.decode(documents.get(0), "", problems);
        if (cluster != null) {
            TypeMetaRules.check(cluster, problems);
        }
        problems.throwIfAny(sourceName);
        return cluster;
    }

    private static boolean isNull(YamlValue document) {
        return document instanceof YamlValue.Scalar scalar && scalar.isNull();
    }

    private static ConfigException problem(String sourceName, String message, String fix) {
        return new ConfigException(sourceName, List.of(new ConfigProblem("", message, fix)));
    }
}
