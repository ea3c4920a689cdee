package dev.kubicle.bench.run;

import dev.kubicle.bench.results.StepTime;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ProgressStepsTest {

    private static TimedLine err(double seconds, String text) {
        return new TimedLine(seconds, true, text);
    }

    @Test
    void kindStepsRunFromTheirStartLineToTheirEndLine() {
        // As kind v0.33.0 prints them without a terminal.
        List<StepTime> steps = ProgressSteps.parse(List.of(
                err(0.010, "cgroup v1 is deprecated in Kubernetes and will not be supported in a future kind release"),
                err(0.030, "Creating cluster \"bench-kind-1\" ..."),
                err(0.034, " • Ensuring node image (kubicle/node:v1.37.2) 🖼️  ..."),
                err(0.052, "WARNING: Overriding docker network due to KIND_EXPERIMENTAL_DOCKER_NETWORK"),
                err(0.206, " ✓ Ensuring node image (kubicle/node:v1.37.2) 🖼️"),
                err(0.211, " • Preparing nodes 📦   ..."),
                err(3.400, " ✓ Preparing nodes 📦 "),
                err(3.402, " • Writing configuration 📜  ..."),
                err(4.000, " ✓ Writing configuration 📜"),
                err(4.001, " • Starting control-plane 🕹️  ..."),
                err(25.50, " ✓ Starting control-plane 🕹️"),
                err(25.60, "Set kubectl context to \"kind-bench-kind-1\"")));

        assertThat(steps).extracting(StepTime::name).containsExactly("Ensuring node image (kubicle/node:v1.37.2)",
                "Preparing nodes", "Writing configuration", "Starting control-plane");
        assertThat(steps.get(1)).isEqualTo(new StepTime("Preparing nodes", 0.211, 3.400));
        assertThat(steps.get(3).seconds()).isCloseTo(21.499, within(1e-9));
    }

    @Test
    void kubicleStepsEndAtTheirLineAndLastAsLongAsTheyReport() {
        // As kubicle prints them without a terminal: one line per finished step, with its duration.
        List<StepTime> steps = ProgressSteps.parse(List.of(
                err(0.300, "Creating cluster \"bench-kubicle-3\" ..."),
                err(0.497, " ✓ Ensuring node image (kubicle/node:v1.37.2) 🖼 (0.2s)"),
                err(3.124, " ✓ Preparing nodes 📦📦📦 (2.6s)"),
                err(4.183, " ✓ Starting systemd and containerd 🐳 (1.1s)"),
                err(80.0, " ✓ Joining workers (1m05s)"),
                err(80.1, "Cluster \"bench-kubicle-3\" is ready.")));

        assertThat(steps).extracting(StepTime::name).containsExactly("Ensuring node image (kubicle/node:v1.37.2)",
                "Preparing nodes", "Starting systemd and containerd", "Joining workers");
        assertThat(steps.get(1).start()).isCloseTo(0.524, within(1e-9));
        assertThat(steps.get(1).end()).isEqualTo(3.124);
        assertThat(steps.get(3).seconds()).isCloseTo(65.0, within(1e-9));
    }

    @Test
    void aFailedStepEndsLikeASuccessfulOne() {
        List<StepTime> steps = ProgressSteps.parse(List.of(
                err(0.2, " • Preparing nodes 📦   ..."),
                err(1.5, " ✗ Preparing nodes 📦 "),
                err(1.6, "ERROR: failed to create cluster: command \"docker run ...\" failed")));

        assertThat(steps).containsExactly(new StepTime("Preparing nodes", 0.2, 1.5));
    }

    @Test
    void anEndWithoutStartOrDurationStartsWhereThePreviousStepEnded() {
        List<StepTime> steps = ProgressSteps.parse(List.of(err(1.0, " ✓ First (1.0s)"), err(4.0, " ✓ Second")));

        assertThat(steps.get(1)).isEqualTo(new StepTime("Second", 1.0, 4.0));
    }

    @Test
    void titlesLoseTheirEmojiButKeepTheirWords() {
        assertThat(ProgressSteps.plain("Ensuring node image (kubicle/base:latest) 🖼️ ")).isEqualTo(
                "Ensuring node image (kubicle/base:latest)");
        assertThat(ProgressSteps.plain("Preparing nodes 📦📦📦")).isEqualTo("Preparing nodes");
        assertThat(ProgressSteps.plain("Installing StorageClass 💾")).isEqualTo("Installing StorageClass");
    }
}
