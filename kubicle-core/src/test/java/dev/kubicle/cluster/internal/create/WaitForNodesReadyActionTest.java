package dev.kubicle.cluster.internal.create;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The wait script run by a real shell, against a kubectl that plays a cluster whose last node registers late. */
class WaitForNodesReadyActionTest {
    @TempDir
    Path dir;

    @Test
    void waitsForANodeThatRegistersLateBeforeWaitingForReady() throws Exception {
        fakeKubectl(3, 1);

        Run run = run(WaitForNodesReadyAction.script(List.of("dev-control-plane", "dev-worker"),
                Duration.ofSeconds(30), true));

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(Files.readString(dir.resolve("calls"))).isEqualTo("""
                get nodes dev-control-plane dev-worker
                get nodes dev-control-plane dev-worker
                get nodes dev-control-plane dev-worker
                wait --for=condition=Ready nodes dev-control-plane dev-worker
                """);
    }

    @Test
    void withoutTheDefaultCniItWaitsForNodesToRegisterButNotToBeReady() throws Exception {
        fakeKubectl(2, 1);

        Run run = run(WaitForNodesReadyAction.script(List.of("dev-control-plane"), Duration.ofSeconds(30), false));

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(Files.readString(dir.resolve("calls"))).isEqualTo("""
                get nodes dev-control-plane
                get nodes dev-control-plane
                """);
    }

    @Test
    void thenWaitsForTheDefaultServiceAccountThatTheControllerManagerMakes() throws Exception {
        fakeKubectl(1, 4);

        Run run = run(WaitForNodesReadyAction.script(List.of("dev-control-plane"), Duration.ofSeconds(30), true));

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(Files.readAllLines(dir.resolve("account-calls"))).hasSize(4);
    }

    @Test
    void givesUpAtTheDeadlineWhenTheDefaultServiceAccountNeverComes() throws Exception {
        fakeKubectl(1, 1000);

        Run run = run(WaitForNodesReadyAction.script(List.of("dev-control-plane"), Duration.ofSeconds(1), true));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("the default namespace has no ServiceAccount yet");
    }

    @Test
    void givesUpAtTheDeadlineNamingTheNodesThatRegistered() throws Exception {
        fakeKubectl(1000, 1);

        Run run = run(WaitForNodesReadyAction.script(List.of("dev-control-plane", "dev-worker"),
                Duration.ofSeconds(1), true));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("not every node registered:", "node/dev-control-plane");
        assertThat(Files.readString(dir.resolve("calls"))).doesNotContain("wait");
    }

    /**
     * A kubectl whose "get nodes NAME..." fails until its {@code registeredAtCall}-th call, and whose "get
     * serviceaccount" fails until its {@code accountAtCall}-th one.
     */
    private void fakeKubectl(int registeredAtCall, int accountAtCall) throws IOException {
        Path kubectl = dir.resolve("kubectl");
        Files.writeString(kubectl, """
                #!/bin/sh
                shift
                case "$1 $2 $3" in
                  "get nodes -o") echo node/dev-control-plane; exit 0;;
                  "wait "*) echo "$1 $2 $3 $4 $5" >> "%1$s/calls"; exit 0;;
                  "get serviceaccount "*) echo "$*" >> "%1$s/account-calls"
                    [ $(wc -l < "%1$s/account-calls") -ge %3$d ]; exit $?;;
                esac
                echo "$*" >> "%1$s/calls"
                [ $(wc -l < "%1$s/calls") -ge %2$d ]
                """.formatted(dir, registeredAtCall, accountAtCall), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(kubectl, PosixFilePermissions.fromString("rwx------"));
        Files.writeString(dir.resolve("calls"), "");
    }

    private Run run(String script) throws IOException, InterruptedException {
        ProcessBuilder shell = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true);
        shell.environment().put("PATH", dir + ":" + System.getenv("PATH"));
        Process process = shell.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), output);
    }

    private record Run(int exitCode, String output) {
    }
}
