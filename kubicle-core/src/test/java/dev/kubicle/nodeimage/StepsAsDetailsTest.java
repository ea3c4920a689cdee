package dev.kubicle.nodeimage;

import dev.kubicle.progress.ConsoleProgress;
import dev.kubicle.progress.Progress;
import dev.kubicle.progress.Verbosity;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class StepsAsDetailsTest {

    @Test
    void aBuildStepBecomesTheActivityOfTheStepItRunsIn() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ConsoleProgress outer = new ConsoleProgress(new PrintStream(log, true, StandardCharsets.UTF_8),
                Verbosity.NORMAL, false);
        Progress.Step ensuring = outer.startStep("Ensuring node image 🖼");

        new StepsAsDetails(outer).startStep("Building Kubernetes v1.37.2 from source 🔨").succeed();
        ensuring.succeed();

        assertThat(log.toString(StandardCharsets.UTF_8)).startsWith(
                "   building Kubernetes v1.37.2 from source 🔨\n ✓ Ensuring node image 🖼 (");
    }
}
