package dev.kubicle.bench.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CommandRunnerTest {
    @TempDir
    Path logs;

    private CommandResult sh(String script, Duration timeout) {
        return new CommandRunner(logs).run("cmd", List.of("sh", "-c", script), Map.of("GREETING", "hello"), timeout);
    }

    @Test
    void linesAreTimestampedAsTheyArriveOnEitherStream() {
        CommandResult result = sh("echo $GREETING; sleep 0.5; echo late >&2; exit 3", Duration.ofSeconds(10));

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.ok()).isFalse();
        assertThat(result.lines()).extracting(TimedLine::text).containsExactly("hello", "late");
        assertThat(result.lines().get(0).stderr()).isFalse();
        assertThat(result.lines().get(1).stderr()).isTrue();
        assertThat(result.lines().get(1).seconds() - result.lines().get(0).seconds()).isBetween(0.4, 2.0);
        assertThat(result.seconds()).isGreaterThanOrEqualTo(0.5);
        assertThat(result.stdout()).isEqualTo("hello");
        assertThat(result.failure()).startsWith("exited with 3; late\n$ sh -c ").endsWith("hello\nlate");
    }

    @Test
    void aFailureNamesTheLastLineThatMentionsAnError() {
        CommandResult result = sh("echo 'docker: Error response from daemon: unable to apply caps' >&2; "
                + "echo \"Run 'docker run --help' for more information\" >&2; exit 1", Duration.ofSeconds(10));

        assertThat(result.failure())
                .startsWith("exited with 1; docker: Error response from daemon: unable to apply caps\n");
    }

    @Test
    void aCommandPastItsDeadlineIsStoppedAndSaysSo() {
        CommandResult result = sh("echo started; sleep 30", Duration.ofMillis(500));

        assertThat(result.timedOut()).isTrue();
        assertThat(result.seconds()).isLessThan(10);
        assertThat(result.failure()).contains("timed out");
    }

    @Test
    void theOutputIsKeptAsALog() throws IOException {
        sh("echo one; echo two >&2", Duration.ofSeconds(10));

        assertThat(Files.readString(logs.resolve("cmd.log"))).startsWith("$ sh -c echo one; echo two >&2\n")
                .contains(" out one\n").contains(" err two\n").contains("exit 0");
    }

    @Test
    void aProgramThatDoesNotExistFailsLikeAShellWould() {
        CommandResult result = new CommandRunner(logs).run(List.of("/nonexistent/kind"), Map.of(),
                Duration.ofSeconds(5));

        assertThat(result.exitCode()).isEqualTo(127);
        assertThat(result.failure()).contains("cannot start");
    }
}
