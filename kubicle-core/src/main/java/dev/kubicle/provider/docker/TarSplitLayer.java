package dev.kubicle.provider.docker;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.kubicle.internal.DigestingStream;
import dev.kubicle.provider.StoredImage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * A layer of Docker's overlay2 storage, its tar put together again from the files of its {@code diff} directory and
 * the tar-split record Docker kept when it stored the layer: the record holds every tar header and padding byte, in
 * order, and names the file whose contents come between them. This is how Docker itself writes a layer into
 * {@code docker save}, so the tar and its digest are the same as there.
 */
final class TarSplitLayer implements StoredImage.Layer {
    private static final ObjectReader ENTRIES = new ObjectMapper().readerFor(Entry.class);
    private static final int FILE = 1;
    private static final int SEGMENT = 2;
    private static final int BUFFER = 1 << 16;

    private final String diffId;
    private final Path tarSplit;
    private final Path files;
    private final long size;

    private TarSplitLayer(String diffId, Path tarSplit, Path files, long size) {
        this.diffId = diffId;
        this.tarSplit = tarSplit;
        this.files = files;
        this.size = size;
    }

    /**
     * Reads the record once to learn the tar's length.
     *
     * @param tarSplit the layer's {@code tar-split.json.gz}
     * @param files    the layer's {@code diff} directory
     * @throws IOException when the record cannot be read, or names a file this process cannot open by name (a name
     *                     that is not UTF-8, or is not ASCII while file names here are not read as UTF-8)
     */
    static TarSplitLayer of(String diffId, Path tarSplit, Path files) throws IOException {
        boolean utf8Names = Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"))
                .equals(StandardCharsets.UTF_8);
        long size = 0;
        try (MappingIterator<Entry> entries = entries(tarSplit)) {
            while (entries.hasNextValue()) {
                Entry entry = entries.nextValue();
                if (entry.type() == SEGMENT) {
                    size += entry.payload() == null ? 0 : entry.payload().length;
                } else if (entry.type() == FILE && entry.size() > 0) {
                    if (entry.name() == null || entry.nameRaw() != null
                            || (!utf8Names && !StandardCharsets.US_ASCII.newEncoder().canEncode(entry.name()))) {
                        throw new IOException(tarSplit + " names a file whose name cannot be opened from Java here");
                    }
                    // Checked now, while the engine can still save the image instead: a rootless engine's layers
                    // hold files that only other user IDs may read.
                    Path file = fileOf(entry, tarSplit, files);
                    if (!Files.isReadable(file)) {
                        throw new IOException("cannot read " + file);
                    }
                    size += entry.size();
                } else if (entry.type() != FILE) {
                    throw new IOException(tarSplit + " has an entry of unknown type " + entry.type());
                }
            }
        }
        return new TarSplitLayer(diffId, tarSplit, files, size);
    }

    @Override
    public String diffId() {
        return diffId;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        DigestingStream digesting = new DigestingStream(out);
        byte[] buffer = new byte[BUFFER];
        try (MappingIterator<Entry> entries = entries(tarSplit)) {
            while (entries.hasNextValue()) {
                Entry entry = entries.nextValue();
                if (entry.type() == SEGMENT && entry.payload() != null) {
                    digesting.write(entry.payload());
                } else if (entry.type() == FILE && entry.size() > 0) {
                    copy(entry, digesting, buffer);
                }
            }
        }
        digesting.check("layer " + diffId + ", put together from " + files
                + " (the engine's storage changed while it was read),", diffId, size);
    }

    /**
     * Copies the file's recorded length, no more. A name that leads out of the layer's directory, or through a
     * symbolic link at its end, is not followed: the digest check would refuse the result anyway, but the bytes
     * would have been sent by then.
     */
    private void copy(Entry entry, OutputStream out, byte[] buffer) throws IOException {
        Path file = fileOf(entry, tarSplit, files);
        long left = entry.size();
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            while (left > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (read < 0) {
                    throw new IOException(file + " is shorter than the " + entry.size() + " bytes its layer recorded");
                }
                out.write(buffer, 0, read);
                left -= read;
            }
        }
    }

    private static Path fileOf(Entry entry, Path tarSplit, Path files) throws IOException {
        Path file = files.resolve(entry.name().replaceFirst("^/+", "")).normalize();
        if (!file.startsWith(files)) {
            throw new IOException(tarSplit + " names " + entry.name() + ", outside the layer");
        }
        return file;
    }

    private static MappingIterator<Entry> entries(Path tarSplit) throws IOException {
        return ENTRIES.readValues(new GZIPInputStream(Files.newInputStream(tarSplit), BUFFER));
    }

    /**
     * One line of the record: a segment of raw tar bytes, or a file whose contents come next.
     *
     * @param payload a segment's bytes (base64 in the record); for a file, a checksum this class does not need
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entry(@JsonProperty("type") int type, @JsonProperty("name") String name,
                 @JsonProperty("name_raw") byte[] nameRaw, @JsonProperty("size") long size,
                 @JsonProperty("payload") byte[] payload) {
    }
}
