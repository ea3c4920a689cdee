package dev.kubicle.provider.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.provider.ExecRequest;
import dev.kubicle.provider.ExecResult;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs commands in nodes, capturing standard output and standard error apart. Without input, docker-java streams
 * the output; with input, {@link HijackedExecStart} does, because docker-java never half-closes the connection
 * after the input and the command would wait for end-of-file forever.
 */
final class NodeExec {
    private static final int EXIT_CODE_POLLS = 50;
    private static final long EXIT_CODE_POLL_MILLIS = 20;

    private final DockerClient client;
    private final EngineHttp raw;
    private final HijackedExecStart hijacked;

    NodeExec(DockerClient client, EngineHttp raw, HijackedExecStart hijacked) {
        this.client = client;
        this.raw = raw;
        this.hijacked = hijacked;
    }

    ExecResult run(String node, ExecRequest request) {
        boolean withInput = request.stdin() != null && request.stdin().length > 0;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ExecResult result = stream(node, request.command(), request.env(),
                withInput ? new ByteArrayInputStream(request.stdin()) : null, stdout);
        return new ExecResult(result.exitCode(), stdout.toString(StandardCharsets.UTF_8), result.stderr());
    }

    /** Runs a command with its input read from, and its output written to, streams; stderr is kept in the result. */
    ExecResult stream(String node, List<String> command, Map<String, String> env, InputStream stdin,
                      OutputStream stdout) {
        String execId;
        try {
            execId = client.execCreateCmd(node)
                    .withCmd(command.toArray(String[]::new))
                    .withEnv(env(env))
                    .withAttachStdin(stdin != null)
                    .withAttachStdout(true)
                    .withAttachStderr(true)
                    .withTty(false)
                    .exec()
                    .getId();
        } catch (NotFoundException e) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE, "node " + node + " does not exist", e);
        } catch (ConflictException e) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE, "cannot run " + command.get(0)
                    + " in node " + node + ": " + EngineErrors.message(e) + "; is the node running?", e);
        }
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        if (stdin != null) {
            hijacked.start(execId, stdin, stdout, stderr);
        } else {
            streamOutput(execId, stdout, stderr);
        }
        return new ExecResult(exitCode(execId), "", stderr.toString(StandardCharsets.UTF_8));
    }

    private void streamOutput(String execId, OutputStream stdout, OutputStream stderr) {
        AtomicReference<IOException> sinkFailure = new AtomicReference<>();
        ResultCallback.Adapter<Frame> collector = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                OutputStream target = frame.getStreamType() == StreamType.STDERR ? stderr : stdout;
                try {
                    target.write(frame.getPayload());
                } catch (IOException e) {
                    sinkFailure.compareAndSet(null, e);
                }
            }
        };
        try (collector) {
            // Frames arrive one at a time on docker-java's thread; awaitCompletion makes its writes visible here.
            client.execStartCmd(execId).withDetach(false).withTty(false).exec(collector).awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KubicleException(ExitCode.INTERRUPTED, "interrupted while waiting for a command", e);
        } catch (IOException e) {
            // Closing the finished stream failed; the output is complete.
        }
        if (sinkFailure.get() != null) {
            throw new UncheckedIOException("cannot write a command's output", sinkFailure.get());
        }
    }

    /**
     * The output stream ends as the process ends, but the engine may record its exit code a moment later. Read as a
     * plain tree: docker-java's inspect first builds a deserialiser for every field of the reply, which a short run
     * such as delete's thaw would wait for.
     */
    private int exitCode(String execId) {
        for (int poll = 0; ; poll++) {
            JsonNode exec = raw.getDocument("/exec/" + execId + "/json");
            if (!exec.path("Running").asBoolean() && exec.path("ExitCode").isIntegralNumber()) {
                return exec.path("ExitCode").asInt();
            }
            if (poll == EXIT_CODE_POLLS) {
                throw new KubicleException(ExitCode.UNEXPECTED_STATE,
                        "a command's output ended but the engine reports it still running (exec " + execId + ")");
            }
            try {
                Thread.sleep(EXIT_CODE_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KubicleException(ExitCode.INTERRUPTED, "interrupted while waiting for a command", e);
            }
        }
    }

    private static List<String> env(Map<String, String> env) {
        return env == null ? List.of()
                : env.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue()).toList();
    }
}
