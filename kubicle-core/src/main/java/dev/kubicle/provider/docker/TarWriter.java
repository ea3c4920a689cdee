package dev.kubicle.provider.docker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Writes a POSIX ustar archive: regular files, directories and symbolic links owned by root, which is all the
 * Engine API's copy and import endpoints need from us. Kept here rather than pulling in a compression library.
 */
public final class TarWriter implements AutoCloseable {
    private static final int BLOCK = 512;
    private static final int NAME_LENGTH = 100;
    private static final int PREFIX_LENGTH = 155;

    private final OutputStream out;
    private final long modificationTime;
    private boolean finished;

    /** @param out receives the archive; {@link #close()} ends the archive but leaves {@code out} open */
    public TarWriter(OutputStream out) {
        this(out, System.currentTimeMillis() / 1000);
    }

    TarWriter(OutputStream out, long modificationTimeSeconds) {
        this.out = out;
        this.modificationTime = modificationTimeSeconds;
    }

    /** A whole archive holding one file. */
    public static byte[] singleFile(String name, byte[] content, int mode) {
        ByteArrayOutputStream archive = new ByteArrayOutputStream(content.length + 3 * BLOCK);
        try (TarWriter tar = new TarWriter(archive)) {
            tar.file(name, content, mode);
        }
        return archive.toByteArray();
    }

    public TarWriter file(String name, byte[] content, int mode) {
        writeHeader(name, mode, content.length, '0', "");
        write(content);
        write(new byte[padding(content.length)]);
        return this;
    }

    /** A file copied from disk as it is read, so that a large file never sits in memory whole. */
    public TarWriter file(String name, Path source, int mode) {
        try (InputStream in = Files.newInputStream(source)) {
            long size = Files.size(source);
            return file(name, size, mode, to -> {
                if (in.transferTo(to) != size) {
                    throw new IOException(source + " changed size while it was archived");
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file's content, written as it is made rather than held. */
    public interface Content {
        /** Writes exactly the length the file was given, or fails. */
        void writeTo(OutputStream out) throws IOException;
    }

    /** A file of a length known beforehand, whose content is made while it is written. */
    public TarWriter file(String name, long size, int mode, Content content) {
        writeHeader(name, mode, size, '0', "");
        try {
            content.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        write(new byte[padding(size)]);
        return this;
    }

    public TarWriter directory(String name, int mode) {
        writeHeader(name.endsWith("/") ? name : name + "/", mode, 0, '5', "");
        return this;
    }

    public TarWriter symlink(String name, String target) {
        if (target.getBytes(StandardCharsets.UTF_8).length > NAME_LENGTH) {
            throw new IllegalArgumentException("symbolic link target too long for a tar header: " + target);
        }
        writeHeader(name, 0777, 0, '2', target);
        return this;
    }

    /** Writes the two empty blocks that end an archive. */
    @Override
    public void close() {
        if (!finished) {
            finished = true;
            write(new byte[2 * BLOCK]);
        }
    }

    private void writeHeader(String name, int mode, long size, char type, String linkTarget) {
        byte[] header = new byte[BLOCK];
        String[] prefixAndName = splitName(name);
        put(header, 0, NAME_LENGTH, prefixAndName[1]);
        putOctal(header, 100, 8, mode & 07777);
        putOctal(header, 108, 8, 0);
        putOctal(header, 116, 8, 0);
        putOctal(header, 124, 12, size);
        putOctal(header, 136, 12, modificationTime);
        header[156] = (byte) type;
        put(header, 157, NAME_LENGTH, linkTarget);
        put(header, 257, 6, "ustar");
        put(header, 263, 2, "00");
        put(header, 265, 32, "root");
        put(header, 297, 32, "root");
        put(header, 345, PREFIX_LENGTH, prefixAndName[0]);
        // The checksum is computed with its own field read as spaces, then written as six octal digits, NUL, space.
        Arrays.fill(header, 148, 156, (byte) ' ');
        long checksum = 0;
        for (byte b : header) {
            checksum += b & 0xff;
        }
        put(header, 148, 7, String.format("%06o", checksum));
        write(header);
    }

    /** ustar keeps names over 100 bytes as a prefix (up to a '/') and a name. */
    static String[] splitName(String name) {
        String relative = name.startsWith("/") ? name.substring(1) : name;
        int length = relative.getBytes(StandardCharsets.UTF_8).length;
        if (length <= NAME_LENGTH) {
            return new String[] {"", relative};
        }
        for (int slash = relative.indexOf('/'); slash >= 0; slash = relative.indexOf('/', slash + 1)) {
            String prefix = relative.substring(0, slash);
            String rest = relative.substring(slash + 1);
            if (prefix.getBytes(StandardCharsets.UTF_8).length <= PREFIX_LENGTH
                    && rest.getBytes(StandardCharsets.UTF_8).length <= NAME_LENGTH && !rest.isEmpty()) {
                return new String[] {prefix, rest};
            }
        }
        throw new IllegalArgumentException("path too long for a ustar header: " + name);
    }

    private static void put(byte[] header, int offset, int length, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > length) {
            throw new IllegalArgumentException("tar header field too long: " + value);
        }
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }

    private static void putOctal(byte[] header, int offset, int length, long value) {
        String octal = Long.toOctalString(value);
        if (octal.length() > length - 1) {
            throw new IllegalArgumentException("value too large for a tar header: " + value);
        }
        put(header, offset, length - 1, "0".repeat(length - 1 - octal.length()) + octal);
    }

    private static int padding(long size) {
        return (int) ((BLOCK - size % BLOCK) % BLOCK);
    }

    private void write(byte[] bytes) {
        try {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
