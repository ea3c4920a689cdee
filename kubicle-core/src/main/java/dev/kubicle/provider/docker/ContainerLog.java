package dev.kubicle.provider.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.Frame;
import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a container's main process printed, like {@code docker logs}. Nodes run with a terminal, so the engine keeps
 * one raw stream; both streams are asked for so that containers without one give everything too.
 */
final class ContainerLog {
    private final DockerClient client;

    ContainerLog(DockerClient client) {
        this.client = client;
    }

    void write(String container, OutputStream out) {
        AtomicReference<IOException> sinkFailure = new AtomicReference<>();
        ResultCallback.Adapter<Frame> copier = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                try {
                    out.write(frame.getPayload());
                } catch (IOException e) {
                    sinkFailure.compareAndSet(null, e);
                }
            }
        };
        try (copier) {
            client.logContainerCmd(container).withStdOut(true).withStdErr(true).withFollowStream(false)
                    .exec(copier).awaitCompletion();
        } catch (DockerException e) {
            throw EngineErrors.failed("read the log of " + container, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KubicleException(ExitCode.INTERRUPTED, "interrupted while reading the log of " + container, e);
        } catch (IOException e) {
            // Closing the finished stream failed; the log is complete.
        }
        if (sinkFailure.get() != null) {
            throw new UncheckedIOException("cannot write the log of " + container, sinkFailure.get());
        }
    }
}
