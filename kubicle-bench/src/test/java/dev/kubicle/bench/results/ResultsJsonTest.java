package dev.kubicle.bench.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ResultsJsonTest {
    private static final BenchSettings SETTINGS = new BenchSettings(3, 1, 10, 60, 30, 5, 0.5, 180, "one.yaml",
            "three.yaml");
    private static final MachineFacts MACHINE = new MachineFacts("cpu", 2, 1024, "os", "6.1", "20.10", "1",
            "cgroupfs", "runc", "kind v0.33.0", "kubicle v0.1.0", "abc", "17", "v1.37.2", "kubicle/node:v1.37.2",
            "sha256:1");

    @Test
    void whatIsWrittenIsReadBackUnchanged(@TempDir Path directory) {
        Sample create = new Sample(Tool.KUBICLE, Scenario.CREATE_THREE, 1, false, true, 30.5, null, 20.25,
                List.of(new StepTime("Preparing nodes", 0.5, 2.5)), null, null, 0.7);
        Sample idle = new Sample(Tool.KIND, Scenario.IDLE_THREE, 1, false, true, 60.01, null, null, null,
                List.of(new NodeUsage("n", "worker", 1.5, 300L << 20, 100L << 20, "docker/1")), 9.5, 0.3);
        BenchResults results = new BenchResults(BenchResults.SCHEMA, "2026-11-23T10:00:00Z", null, SETTINGS, MACHINE,
                List.of(create, idle));
        Path file = directory.resolve("results.json");

        ResultsJson.write(file, results, Map.of("rows", List.of()));

        assertThat(ResultsJson.read(file)).isEqualTo(results);
    }

    @Test
    void aFileFromBeforeStartsWereMeasuredStillReads(@TempDir Path directory) throws IOException {
        Path file = Files.writeString(directory.resolve("old.json"), """
                {"schema": 1, "startedAt": "now", "samples": [{"tool": "kind", "scenario": "create-1", "round": 1,
                 "warmup": false, "ok": true, "seconds": 30.5, "createReturned": 20.25, "loadAverage": 0.5}]}
                """);

        assertThat(ResultsJson.read(file).samples().get(0).returned()).isEqualTo(20.25);
    }

    @Test
    void theFileNamesToolsAndScenariosAsTheDocsDoAndCarriesTheSummary(@TempDir Path directory) throws IOException {
        Sample version = new Sample(Tool.KIND, Scenario.VERSION, 0, true, true, 0.02, null, null, null, null, null, 0);
        Path file = directory.resolve("results.json");

        ResultsJson.write(file, new BenchResults(1, "now", "later", SETTINGS, MACHINE, List.of(version)),
                Map.of("rows", List.of("a row")));

        JsonNode tree = new ObjectMapper().readTree(Files.readString(file));
        assertThat(tree.at("/samples/0/tool").asText()).isEqualTo("kind");
        assertThat(tree.at("/samples/0/scenario").asText()).isEqualTo("version");
        assertThat(tree.at("/samples/0/error").isMissingNode()).isTrue();
        assertThat(tree.at("/summary/rows/0").asText()).isEqualTo("a row");
        assertThat(directory.resolve("results.json.partial")).doesNotExist();
    }
}
