package dev.kubicle.bench.report;

import dev.kubicle.bench.results.StepTime;
import dev.kubicle.bench.run.LoadSample;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LoadTableTest {

    @Test
    void eachLoadShowsBothTimesTheRatioWhetherTheTargetIsMetAndKubiclesSteps() {
        List<LoadSample> samples = List.of(
                new LoadSample("kind", "100 MB", "docker-image, new image", 30.0, List.of(), null),
                new LoadSample("kubicle", "100 MB", "docker-image, new image", 9.0,
                        List.of(new StepTime("Streaming 1 image from docker into 3 nodes", 1.0, 6.0)), null),
                new LoadSample("kind", "100 MB", "docker-image, same image again", 20.0, List.of(), null),
                new LoadSample("kubicle", "100 MB", "docker-image, same image again", 12.0, List.of(), null),
                new LoadSample("kind", "1 GB", "image-archive, new image", 0, List.of(), "exited with 1; boom"));

        String table = LoadTable.markdown(samples, "2026-12-06T03:00:00Z", "bench/results/x-load.json");

        assertThat(table).contains("| 100 MB | docker-image, new image | 30.0 s | 9.0 s | 0.30 | met | "
                        + "Streaming 1 image from docker into 3 nodes 5.0 s |")
                .contains("| 100 MB | docker-image, same image again | 20.0 s | 12.0 s | 0.60 | not met |  |")
                .contains("| 1 GB | image-archive, new image | failed | – | – | – |  |")
                .contains("- kind, 1 GB, image-archive, new image: exited with 1; boom");
    }
}
