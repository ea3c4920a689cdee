package dev.kubicle.provider.docker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubicle.internal.OciDigests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TarSplitLayerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] HELLO = "hello layer\n".getBytes(StandardCharsets.UTF_8);
    /** The layer's tar: one file, as TarWriter writes it, so the expected bytes are known exactly. */
    private final byte[] tar = TarWriter.singleFile("etc/hello", HELLO, 0644);

    @TempDir
    Path dir;
    private Path files;

    @BeforeEach
    void layerDirectory() throws IOException {
        files = Files.createDirectories(dir.resolve("diff/etc"));
        Files.write(files.resolve("hello"), HELLO);
        files = dir.resolve("diff");
    }

    /** The record Docker would keep of {@link #tar}: the header, the file by name, then padding and the end. */
    private Path tarSplit(ObjectNode file) throws IOException {
        List<ObjectNode> entries = List.of(
                segment(Arrays.copyOfRange(tar, 0, 512)),
                file,
                segment(Arrays.copyOfRange(tar, 512 + HELLO.length, tar.length)));
        Path record = dir.resolve("tar-split.json.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(record))) {
            for (ObjectNode entry : entries) {
                out.write(JSON.writeValueAsBytes(entry));
                out.write('\n');
            }
        }
        return record;
    }

    private static ObjectNode segment(byte[] bytes) {
        return JSON.createObjectNode().put("type", 2).put("payload", bytes).put("position", 0);
    }

    private static ObjectNode file(String name) {
        return JSON.createObjectNode().put("type", 1).put("name", name).put("size", HELLO.length)
                .put("payload", new byte[8]).put("position", 1);
    }

    @Test
    void putsTheLayersTarTogetherFromTheRecordAndTheFiles() throws IOException {
        TarSplitLayer layer = TarSplitLayer.of(OciDigests.of(tar), tarSplit(file("etc/hello")), files);
        ByteArrayOutputStream written = new ByteArrayOutputStream();

        layer.writeTo(written);

        assertThat(layer.size()).isEqualTo(tar.length);
        assertThat(written.toByteArray()).isEqualTo(tar);
    }

    @Test
    void aFileChangedSinceTheLayerWasStoredFailsTheDigest() throws IOException {
        TarSplitLayer layer = TarSplitLayer.of(OciDigests.of(tar), tarSplit(file("etc/hello")), files);
        Files.write(files.resolve("etc/hello"), "HELLO LAYER\n".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> layer.writeTo(OutputStream.nullOutputStream())).isInstanceOf(IOException.class)
                .hasMessageContaining("the engine's storage changed while it was read");
    }

    @Test
    void aShorterFileFailsBeforeTheTarGoesOn() throws IOException {
        TarSplitLayer layer = TarSplitLayer.of(OciDigests.of(tar), tarSplit(file("etc/hello")), files);
        Files.write(files.resolve("etc/hello"), "hello".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> layer.writeTo(OutputStream.nullOutputStream())).isInstanceOf(IOException.class)
                .hasMessageContaining("is shorter than the 12 bytes its layer recorded");
    }

    @Test
    void namesOutsideTheLayerOrThroughALinkAreNotFollowed() throws IOException {
        Files.writeString(dir.resolve("secret"), "not the layer's\n");
        Path escaping = tarSplit(file("../secret"));
        assertThatThrownBy(() -> TarSplitLayer.of(OciDigests.of(tar), escaping, files))
                .isInstanceOf(IOException.class).hasMessageContaining("outside the layer");

        Files.delete(files.resolve("etc/hello"));
        Files.createSymbolicLink(files.resolve("etc/hello"), dir.resolve("secret"));
        TarSplitLayer linked = TarSplitLayer.of(OciDigests.of(tar), tarSplit(file("etc/hello")), files);
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        assertThatThrownBy(() -> linked.writeTo(written)).isInstanceOf(IOException.class);
        assertThat(written.toString(StandardCharsets.UTF_8)).doesNotContain("not the layer's");
    }

    @Test
    void aFileThisProcessCannotReadLeavesTheLayerToTheEngine() throws IOException {
        Path record = tarSplit(file("etc/missing"));

        assertThatThrownBy(() -> TarSplitLayer.of(OciDigests.of(tar), record, files))
                .isInstanceOf(IOException.class).hasMessageContaining("cannot read " + files.resolve("etc/missing"));
    }

    @Test
    void aRecordWithANameThatIsNotUtf8IsNotReadHere() throws IOException {
        ObjectNode raw = file("ignored").put("name_raw", new byte[] {'e', 't', 'c', '/', (byte) 0xff});
        raw.remove("name");
        Path record = tarSplit(raw);

        assertThatThrownBy(() -> TarSplitLayer.of(OciDigests.of(tar), record, files))
                .isInstanceOf(IOException.class).hasMessageContaining("cannot be opened from Java here");
    }
}
