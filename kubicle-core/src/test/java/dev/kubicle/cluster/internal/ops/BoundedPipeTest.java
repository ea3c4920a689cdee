package dev.kubicle.cluster.internal.ops;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundedPipeTest {

    @Test
    void bytesWrittenInOneThreadAreReadInAnotherInOrderUntilTheEnd() throws Exception {
        byte[] data = new byte[3_000_000];
        new Random(7).nextBytes(data);
        BoundedPipe pipe = new BoundedPipe();
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = pipe.source()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        try (OutputStream out = pipe.sink()) {
            for (int offset = 0; offset < data.length; offset += 10_000) {
                out.write(data, offset, Math.min(10_000, data.length - offset));
            }
        }

        assertThat(read.get()).isEqualTo(data);
    }

    @Test
    void aWriterFailsInsteadOfWaitingOnceTheReaderHasGivenUp() throws Exception {
        BoundedPipe pipe = new BoundedPipe();
        pipe.source().close();
        OutputStream out = pipe.sink();

        assertThatThrownBy(() -> {
            for (int i = 0; i < 1000; i++) {
                out.write(new byte[1000]);
            }
        }).isInstanceOf(BoundedPipe.ReaderGone.class);
    }
}
