package dev.kubicle.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kubernetes' own conformance tests, a short subset of them, against a 1+2 kubicle cluster: scripts/conformance.sh
 * --focus-subset builds e2e.test, ginkgo and the test images offline (cached after the first run), creates the
 * cluster, runs the chosen {@code [Conformance]} specs with ginkgo and deletes the cluster. Every chosen spec must
 * have run and passed, as ginkgo's own JSON report says.
 */
class ConformanceSubsetE2EIT {
    /** The subset's specs (the script's SUBSET_FOCUS): one or two per area a cluster has to get right. */
    private static final int SUBSET_SPECS = 9;
    /** A cold build of e2e.test takes about 15 minutes on 2 cores; the run itself a few. */
    private static final Duration TIMEOUT = Duration.ofMinutes(40);

    @TempDir
    static Path out;

    @Test
    void everySpecOfTheFocusSubsetPassesOnAKubicleCluster() throws IOException {
        ChildProcess.Output run = ChildProcess.run(List.of("../scripts/conformance.sh", "--focus-subset", "--out",
                out.toString()), Map.of("CONFORMANCE_CLUSTER_PREFIX", "conf-it-"), null, TIMEOUT);

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> passed = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (JsonNode suite : new ObjectMapper().readTree(out.resolve("kubicle.json").toFile())) {
            for (JsonNode spec : suite.path("SpecReports")) {
                if (!spec.path("LeafNodeType").asText().equals("It")
                        || spec.path("State").asText().equals("skipped")) {
                    continue;
                }
                String name = spec.path("LeafNodeText").asText();
                (spec.path("State").asText().equals("passed") ? passed : other).add(name + ": "
                        + spec.path("State").asText() + " " + spec.path("Failure").path("Message").asText());
            }
        }
        assertThat(other).as(run.err()).isEmpty();
        assertThat(passed).as(run.err()).hasSize(SUBSET_SPECS);
    }
}
