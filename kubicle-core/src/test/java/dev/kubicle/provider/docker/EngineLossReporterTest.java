package dev.kubicle.provider.docker;

import com.github.dockerjava.transport.DockerHttpClient;
import dev.kubicle.ExitCode;
import dev.kubicle.provider.EngineLostException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.InterruptedIOException;
import java.net.SocketException;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An engine that goes away mid-command is named as such; an interrupt and other failures pass unchanged. */
class EngineLossReporterTest {
    private static final URI HOST = URI.create("unix:///var/run/docker.sock");
    private static final DockerHttpClient.Request REQUEST = DockerHttpClient.Request.builder()
            .method(DockerHttpClient.Request.Method.GET).path("/v1.41/exec/abc/json").build();

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void aConnectionThatBreaksBecauseTheEngineStoppedSaysSoInOneLine() {
        DockerHttpClient gone = failingWith(new RuntimeException(new SocketException("No such file or directory")));

        assertThatThrownBy(() -> new EngineLossReporter(gone, HOST).execute(REQUEST))
                .isInstanceOf(EngineLostException.class)
                .hasMessage("lost the Docker engine at unix:///var/run/docker.sock (No such file or directory): was it"
                        + " stopped or restarted? Run the command again once it answers (scripts/ensure-engine.sh "
                        + "starts it)")
                .satisfies(e -> assertThat(((EngineLostException) e).exitCode()).isEqualTo(ExitCode.UNEXPECTED_STATE));
    }

    @Test
    void aCallCutShortByAnInterruptStaysAnInterrupt() {
        RuntimeException interrupted = new RuntimeException(new InterruptedIOException("connect interrupted"));
        RuntimeException whileFlagged = new RuntimeException(new SocketException("Socket closed"));

        assertThatThrownBy(() -> new EngineLossReporter(failingWith(interrupted), HOST).execute(REQUEST))
                .isSameAs(interrupted);
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> new EngineLossReporter(failingWith(whileFlagged), HOST).execute(REQUEST))
                .isSameAs(whileFlagged);
    }

    @Test
    void aFailureThatIsNotTheConnectionsPassesUnchanged() {
        IllegalStateException bug = new IllegalStateException("pool shut down");

        assertThatThrownBy(() -> new EngineLossReporter(failingWith(bug), HOST).execute(REQUEST)).isSameAs(bug);
    }

    private static DockerHttpClient failingWith(RuntimeException failure) {
        return new DockerHttpClient() {
            @Override
            public Response execute(Request request) {
                throw failure;
            }

            @Override
            public void close() {
            }
        };
    }
}
