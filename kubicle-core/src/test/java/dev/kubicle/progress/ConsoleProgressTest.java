package dev.kubicle.progress;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleProgressTest {
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final AtomicLong nanos = new AtomicLong();

    private ConsoleProgress progress(Verbosity verbosity) {
        return new ConsoleProgress(new PrintStream(buffer, true, StandardCharsets.UTF_8), verbosity, false,
                nanos::get);
    }

    private String printed() {
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aFinishedStepShowsATickAndItsElapsedTime() {
        Progress.Step step = progress(Verbosity.NORMAL).startStep("Preparing nodes");
        nanos.addAndGet(Duration.ofMillis(2345).toNanos());
        step.succeed();

        assertThat(printed()).isEqualTo(" ✓ Preparing nodes (2.3s)\n");
    }

    @Test
    void aFailedStepShowsACross() {
        Progress.Step step = progress(Verbosity.NORMAL).startStep("Joining workers");
        step.fail();

        assertThat(printed()).contains(" ✗ Joining workers");
    }

    @Test
    void detailsShowOnlyWhenVerbose() {
        progress(Verbosity.NORMAL).detail("[node] systemctl is-system-running");
        assertThat(printed()).isEmpty();

        progress(Verbosity.VERBOSE).detail("[node] systemctl is-system-running");
        assertThat(printed()).contains("[node] systemctl is-system-running");
    }

    @Test
    void aWarningIsOneLineThatSaysSo() {
        progress(Verbosity.NORMAL).warning("the API server is published on 0.0.0.0");

        assertThat(printed()).isEqualTo("WARNING: the API server is published on 0.0.0.0\n");
    }

    @Test
    void quietShowsNothingAtAll() {
        ConsoleProgress quiet = progress(Verbosity.QUIET);
        quiet.headline("Creating cluster");
        quiet.startStep("Preparing nodes").succeed();
        quiet.note("done");
        quiet.warning("careful");

        assertThat(printed()).isEmpty();
    }

    @Test
    void longStepsAreShownInMinutesAndSeconds() {
        assertThat(ConsoleProgress.formatElapsed(Duration.ofSeconds(125))).isEqualTo("2m05s");
        assertThat(ConsoleProgress.formatElapsed(Duration.ofMillis(400))).isEqualTo("0.4s");
    }
}
