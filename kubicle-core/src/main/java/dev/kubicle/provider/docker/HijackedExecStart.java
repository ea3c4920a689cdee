package dev.kubicle.provider.docker;

import com.github.dockerjava.core.RemoteApiVersion;
import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Starts an exec that reads standard input, the way the docker CLI does: upgrade the HTTP connection to a raw
 * stream, write the input, then half-close our side so the command sees end-of-file while its output keeps coming.
 * docker-java's transports cannot half-close (docker-java issues #471, #1684), hence this small client of our own.
 * It speaks to unix sockets and plain TCP; TLS engines are refused with a clear message.
 */
final class HijackedExecStart {
    private static final byte[] HEADER_END = {'\r', '\n', '\r', '\n'};
    private static final int STDOUT = 1;
    private static final int STDERR = 2;
    private static final int COPY_CHUNK = 64 * 1024;

    private final URI host;
    private final boolean tls;
    private final String versionPrefix;

    HijackedExecStart(URI host, boolean tls, RemoteApiVersion version) {
        this.host = host;
        this.tls = tls;
        this.versionPrefix = "/" + version.asWebPathPart();
    }

    /** Feeds {@code stdin} to the exec and writes its output to the two streams; returns when the command ends. */
    void start(String execId, InputStream stdin, OutputStream stdout, OutputStream stderr) {
        if (tls) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE, "cannot feed input to a command over a TLS "
                    + "connection to the Docker engine at " + host + "; use its unix socket or plain TCP");
        }
        AtomicReference<IOException> inputFailure = new AtomicReference<>();
        try (SocketChannel channel = open()) {
            String body = "{\"Detach\":false,\"Tty\":false}";
            String request = "POST " + versionPrefix + "/exec/" + execId + "/start HTTP/1.1\r\n"
                    + "Host: docker\r\n"
                    + "Content-Type: application/json\r\n"
                    + "Connection: Upgrade\r\n"
                    + "Upgrade: tcp\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body;
            writeFully(channel, request.getBytes(StandardCharsets.US_ASCII));
            ByteBuffer afterHeader = readResponseHeader(channel);
            Thread writer = new Thread(() -> copyInput(stdin, channel, inputFailure),
                    "kubicle-exec-stdin-" + execId.substring(0, Math.min(12, execId.length())));
            writer.setDaemon(true);
            writer.start();
            demultiplex(channel, afterHeader, stdout, stderr);
            // The output ends when the command does. Input it never read would block the writer until the engine
            // drops the connection (minutes later), so the connection is closed under it.
            channel.close();
            writer.join();
        } catch (ClosedByInterruptException e) {
            // An interrupt (Ctrl-C) closes a channel that a thread is blocked on.
            throw new KubicleException(ExitCode.INTERRUPTED, "interrupted while waiting for a command", e);
        } catch (IOException e) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE,
                    "lost the connection to the Docker engine while running a command: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KubicleException(ExitCode.INTERRUPTED, "interrupted while waiting for a command", e);
        }
        if (inputFailure.get() != null) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE,
                    "cannot read the input for a command: " + inputFailure.get().getMessage(), inputFailure.get());
        }
    }

    /** Copies the input, then half-closes so the command sees end-of-file while its output keeps coming. */
    private static void copyInput(InputStream stdin, SocketChannel channel, AtomicReference<IOException> failure) {
        byte[] chunk = new byte[COPY_CHUNK];
        while (true) {
            int read;
            try {
                read = stdin.read(chunk);
            } catch (IOException e) {
                failure.set(e);
                return;
            }
            try {
                if (read < 0) {
                    channel.shutdownOutput();
                    return;
                }
                writeFully(channel, ByteBuffer.wrap(chunk, 0, read));
            } catch (IOException commandStoppedReading) {
                // The command may end without reading all its input; its exit code tells what happened.
                return;
            }
        }
    }

    private SocketChannel open() throws IOException {
        if ("unix".equals(host.getScheme())) {
            SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(host.getPath()));
            return channel;
        }
        return SocketChannel.open(new InetSocketAddress(host.getHost(), host.getPort()));
    }

    /** Reads up to the blank line; returns what came after it, which is already the start of the stream. */
    private static ByteBuffer readResponseHeader(SocketChannel channel) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        int headerEnd;
        while ((headerEnd = indexOf(received.toByteArray(), HEADER_END)) < 0) {
            buffer.clear();
            if (channel.read(buffer) < 0) {
                throw new EOFException("the engine closed the connection before answering");
            }
            received.write(buffer.array(), 0, buffer.position());
        }
        byte[] all = received.toByteArray();
        String header = new String(all, 0, headerEnd, StandardCharsets.ISO_8859_1);
        String statusLine = header.lines().findFirst().orElse("");
        String[] parts = statusLine.split(" ", 3);
        int status = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
        ByteBuffer rest = ByteBuffer.wrap(all, headerEnd + HEADER_END.length, all.length - headerEnd - HEADER_END.length);
        // 101 is the upgrade we asked for; engines that ignore the upgrade answer 200 and stream all the same.
        if (status != 101 && status != 200) {
            String reply = new String(rest.array(), rest.position(), rest.remaining(), StandardCharsets.UTF_8);
            throw new KubicleException(ExitCode.UNEXPECTED_STATE,
                    "cannot start a command: " + EngineErrors.messageFromBody(reply.isBlank() ? statusLine : reply));
        }
        return rest;
    }

    /** The stream is frames of: stream type byte, three zero bytes, a big-endian length, then that many bytes. */
    private static void demultiplex(SocketChannel channel, ByteBuffer alreadyRead, OutputStream stdout,
                                    OutputStream stderr) throws IOException {
        FrameReader reader = new FrameReader(channel, alreadyRead);
        byte[] header = new byte[8];
        while (reader.readFully(header, true)) {
            int length = ByteBuffer.wrap(header, 4, 4).getInt();
            byte[] payload = new byte[length];
            reader.readFully(payload, false);
            if (header[0] == STDERR) {
                stderr.write(payload);
            } else if (header[0] == STDOUT) {
                stdout.write(payload);
            }
        }
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * Reads and writes go straight to the channel: the streams of {@code Channels} lock the channel for a blocking
     * read, which would stall the input writer.
     */
    private static void writeFully(SocketChannel channel, byte[] bytes) throws IOException {
        writeFully(channel, ByteBuffer.wrap(bytes));
    }

    private static void writeFully(SocketChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private static final class FrameReader {
        private final SocketChannel channel;
        private final ByteBuffer pending;

        FrameReader(SocketChannel channel, ByteBuffer pending) {
            this.channel = channel;
            this.pending = pending;
        }

        /** @return false on a clean end of stream before the first byte, when {@code endAllowed} */
        boolean readFully(byte[] target, boolean endAllowed) throws IOException {
            ByteBuffer into = ByteBuffer.wrap(target);
            while (into.hasRemaining() && pending.hasRemaining()) {
                into.put(pending.get());
            }
            while (into.hasRemaining()) {
                if (channel.read(into) < 0) {
                    if (endAllowed && into.position() == 0) {
                        return false;
                    }
                    throw new EOFException("the engine ended a command's output in the middle of a frame");
                }
            }
            return true;
        }
    }
}
