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
    void detailsAndActivitiesOutsideAnyStepShowOnlyWhenVerbose() {
        progress(Verbosity.NORMAL).detail("[node] systemctl is-system-running");
        progress(Verbosity.NORMAL).activity("building kubelet (2 of 11)");
        assertThat(printed()).isEmpty();

        progress(Verbosity.VERBOSE).detail("[node] systemctl is-system-running");
        progress(Verbosity.VERBOSE).activity("building kubelet (2 of 11)");
        assertThat(printed()).isEqualTo("   [node] systemctl is-system-running\n   building kubelet (2 of 11)\n");
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
    void inALogALongStepPrintsItsActivitiesAndAHeartbeatWhenSilent() {
        ConsoleProgress log = progress(Verbosity.NORMAL);
        Progress.Step step = log.startStep("Ensuring node image 🖼");
        log.activity("building kubelet (2 of 11)");
        nanos.addAndGet(Duration.ofSeconds(31).toNanos());
        log.tick();
        log.tick();
        step.succeed();

        assertThat(printed()).isEqualTo("""
                   building kubelet (2 of 11)
                   still building kubelet (2 of 11), 31.0s so far
                 ✓ Ensuring node image 🖼 (31.0s)
                """);
    }

    @Test
    void onATerminalTheActivityAndItsTimeStandBesideTheSpinner() {
        ConsoleProgress terminal = new ConsoleProgress(new PrintStream(buffer, true, StandardCharsets.UTF_8),
                Verbosity.NORMAL, true, nanos::get);
        Progress.Step step = terminal.startStep("Ensuring node image 🖼");
        terminal.activity("building kubelet (2 of 11)");
        nanos.addAndGet(Duration.ofSeconds(190).toNanos());
        terminal.tick();
        String spinning = printed();
        step.succeed();

        assertThat(spinning).endsWith("Ensuring node image 🖼  building kubelet (2 of 11) (3m10s)");
        assertThat(printed()).doesNotContain("still").endsWith(" ✓ Ensuring node image 🖼 (3m10s)\n");
    }

    @Test
    void longStepsAreShownInMinutesAndSeconds() {
        assertThat(ConsoleProgress.formatElapsed(Duration.ofSeconds(125))).isEqualTo("2m05s");
        assertThat(ConsoleProgress.formatElapsed(Duration.ofMillis(400))).isEqualTo("0.4s");
    }
}
