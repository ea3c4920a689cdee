package dev.kubicle.cluster.internal.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Hands bytes from one thread to another through a few chunks in memory, so that a writer feeding several readers
 * waits only while a reader is that many chunks behind. (java.io's piped streams wake a waiting writer only once
 * a second, or when the reader has emptied the buffer, which would make every node wait for the slowest.)
 * Closing the reading side makes further writes fail, so a writer never waits for a reader that gave up.
 */
final class BoundedPipe {
    private static final byte[] END = new byte[0];
    private static final int CHUNKS = 64;

    private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(CHUNKS);
    private volatile boolean readerClosed;

    /** The writing side; closing it ends the reader's stream. */
    OutputStream sink() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] buffer, int offset, int length) throws IOException {
                if (length > 0) {
                    put(Arrays.copyOfRange(buffer, offset, offset + length));
                }
            }

            @Override
            public void close() throws IOException {
                put(END);
            }
        };
    }

    /** The reading side; closing it before the end makes the writer's next write fail. */
    InputStream source() {
        return new InputStream() {
            private byte[] chunk;
            private int position;
            private boolean ended;

            @Override
            public int read() throws IOException {
                return next() ? chunk[position++] & 0xff : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (length == 0) {
                    return 0;
                }
                if (!next()) {
                    return -1;
                }
                int count = Math.min(length, chunk.length - position);
                System.arraycopy(chunk, position, buffer, offset, count);
                position += count;
                return count;
            }

            /** Whether there is a byte to read, waiting for the next chunk when this one is used up. */
            private boolean next() throws IOException {
                if (ended) {
                    return false;
                }
                if (chunk != null && position < chunk.length) {
                    return true;
                }
                try {
                    chunk = chunks.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while reading");
                }
                position = 0;
                ended = chunk == END;
                return !ended;
            }

            @Override
            public void close() {
                readerClosed = true;
                chunks.clear();
            }
        };
    }

    private void put(byte[] chunk) throws IOException {
        try {
            while (!readerClosed) {
                if (chunks.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing");
        }
        if (chunk != END) {
            throw new ReaderGone();
        }
    }

    /** The reading side was closed before the end: its owner failed, and its failure says why. */
    static final class ReaderGone extends IOException {
        ReaderGone() {
            super("the reading side was closed");
        }
    }
}
