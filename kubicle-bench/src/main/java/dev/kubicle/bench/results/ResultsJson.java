package dev.kubicle.bench.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Reads and writes results files (bench/results/*.json). */
public final class ResultsJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_EMPTY)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsJson() {
    }

    public static BenchResults read(Path file) {
        try {
            return MAPPER.readValue(file.toFile(), BenchResults.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read results file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the results with the summary derived from them, replacing the file at once: no reader sees half. */
    public static void write(Path file, BenchResults results, Object summary) {
        ObjectNode tree = MAPPER.valueToTree(results);
        tree.set("summary", MAPPER.valueToTree(summary));
        writeValue(file, tree);
    }

    /** Writes any value (records, lists, maps) as a results file, replacing the file at once. */
    public static void writeValue(Path file, Object value) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            Files.writeString(partial, MAPPER.writeValueAsString(value) + "\n");
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("results cannot be encoded", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write results file " + file + ": " + e.getMessage(), e);
        }
    }
}
