package dev.kubicle.junit5;

import dev.kubicle.api.ClusterHandle;
import dev.kubicle.api.Kubicle;
import dev.kubicle.junit5.fixtures.FixtureRunner;
import dev.kubicle.junit5.fixtures.Fixtures;
import dev.kubicle.junit5.fixtures.ReuseFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reused cluster outlives its test run and the next run takes it again, each run being a launcher run of its own
 * (a fresh root context, as a new {@code mvn verify} gets); a run whose spec changed makes the cluster anew.
 */
class ReuseIT {
    @TempDir
    Path work;

    @Test
    void aReusedClusterOutlivesItsRunAndTheNextRunOfTheSameSpecTakesItAgain() throws Exception {
        System.setProperty(Fixtures.OUT_PROPERTY, work.resolve("fixture.out").toString());
        long withoutCluster = timedRun(ReuseFixtures.WithoutCluster.class);

        timedRun(ReuseFixtures.Reusing.class);
        String firstId = lastRecordedId();
        try (Kubicle kubicle = Kubicle.connect()) {
            Optional<ClusterHandle> left = kubicle.find(ReuseFixtures.CLUSTER);
            assertThat(left).as("the cluster after its run").isPresent();
            assertThat(left.get().running()).isTrue();
        }

        long reusing = timedRun(ReuseFixtures.Reusing.class);
        assertThat(lastRecordedId()).as("the second run's cluster").isEqualTo(firstId);

        timedRun(ReuseFixtures.ReusingAnotherSpec.class);
        assertThat(lastRecordedId()).as("the cluster of a changed spec").isNotEqualTo(firstId);
        System.out.printf("kubicle-junit5 benchmark: a run of one test class reusing its cluster took %d ms, "
                + "one without a cluster %d ms%n", reusing, withoutCluster);
    }

    @AfterAll
    static void deleteTheReusedCluster() {
        System.clearProperty(Fixtures.OUT_PROPERTY);
        try (Kubicle kubicle = Kubicle.connect()) {
            kubicle.delete(ReuseFixtures.CLUSTER);
        }
    }

    private static long timedRun(Class<?> fixture) {
        long started = System.nanoTime();
        TestExecutionSummary summary = FixtureRunner.run(fixture);
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertThat(summary.getTestsSucceededCount()).as("%s: %s", fixture.getSimpleName(), summary.getFailures())
                .isEqualTo(1);
        return elapsed;
    }

    private String lastRecordedId() throws Exception {
        List<String> lines = Files.readAllLines(work.resolve("fixture.out"));
        return lines.get(lines.size() - 1).split(" ")[1];
    }
}
