package dev.kubicle.provider.docker;

import com.github.dockerjava.transport.DockerHttpClient;
import dev.kubicle.provider.EngineLostException;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.channels.AsynchronousCloseException;

/**
 * Says in one clear line that the engine went away, whichever call noticed it: an engine stopped or restarted while
 * kubicle works (a create that starts the control plane, say) otherwise surfaced as the transport's bare
 * {@code java.net.SocketException: No such file or directory}. A call cut short by an interrupt (Ctrl-C) is left as
 * it is, for the pipeline to report as an interrupt.
 */
final class EngineLossReporter implements DockerHttpClient {
    private final DockerHttpClient client;
    private final URI host;

    EngineLossReporter(DockerHttpClient client, URI host) {
        this.client = client;
        this.host = host;
    }

    @Override
    public Response execute(Request request) {
        try {
            return client.execute(request);
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted() || !lostConnection(e)) {
                throw e;
            }
            throw new EngineLostException("lost the Docker engine at " + host + " ("
                    + EngineConnection.rootMessage(e) + "): was it stopped or restarted? Run the command again once "
                    + "it answers (scripts/ensure-engine.sh starts it)", e);
        }
    }

    /** The transport wraps the I/O error that broke the connection; an interrupt shows as one of its own kinds. */
    private static boolean lostConnection(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InterruptedIOException || cause instanceof AsynchronousCloseException) {
                return false;
            }
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
