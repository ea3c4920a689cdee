package dev.kubicle.cluster.internal.ops;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a tar stream entry by entry, as GNU tar and the container engines write it: ustar headers with a name
 * prefix, GNU long names ('L', 'K') and pax extended headers ('x') for paths longer than a header holds. Each
 * entry's content is read through {@link #content()} before the next entry is asked for.
 */
final class TarEntries {
    private static final int BLOCK = 512;

    private final InputStream in;
    private long remaining;
    private long padding;
    private boolean first = true;

    TarEntries(InputStream in) {
        this.in = in;
    }

    /** One entry's header; {@code type} is the tar type flag ('0' file, '5' directory, '1' hard link, '2' symlink). */
    record Entry(String name, char type, long size, String linkName) {
        boolean isFile() {
            return type == '0' || type == '\0' || type == '7';
        }

        boolean isDirectory() {
            return type == '5';
        }
    }

    /**
     * @return the next entry, or null at the end of the archive (also for an empty stream)
     * @throws NotATarException when the first header is not a tar header
     */
    Entry next() throws IOException {
        skipRest();
        String longName = null;
        String longLink = null;
        while (true) {
            byte[] header = new byte[BLOCK];
            int read = in.readNBytes(header, 0, BLOCK);
            if (read == 0 || isZero(header, read)) {
                return null;
            }
            if (read < BLOCK) {
                throw first ? new NotATarException() : new EOFException("the archive ends inside a header");
            }
            if (!checksumMatches(header)) {
                throw first ? new NotATarException() : new IOException("a tar header has a wrong checksum");
            }
            first = false;
            char type = (char) header[156];
            long size = number(header, 124, 12);
            begin(size);
            switch (type) {
                case 'L' -> longName = text(content().readAllBytes());
                case 'K' -> longLink = text(content().readAllBytes());
                case 'x' -> {
                    String records = new String(content().readAllBytes(), StandardCharsets.UTF_8);
                    longName = paxValue(records, "path", longName);
                    longLink = paxValue(records, "linkpath", longLink);
                }
                case 'g' -> content().readAllBytes();
                default -> {
                    String name = longName != null ? longName : joinedName(header);
                    String link = longLink != null ? longLink : string(header, 157, 100);
                    return new Entry(name, type, size, link);
                }
            }
            skipRest();
        }
    }

    /** The current entry's content; reading past its end gives end-of-stream. */
    InputStream content() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (remaining <= 0) {
                    return -1;
                }
                int count = in.read(buffer, offset, (int) Math.min(length, remaining));
                if (count < 0) {
                    throw new EOFException("the archive ends inside an entry");
                }
                remaining -= count;
                return count;
            }
        };
    }

    private void begin(long size) {
        remaining = size;
        padding = (BLOCK - size % BLOCK) % BLOCK;
    }

    private void skipRest() throws IOException {
        in.skipNBytes(remaining + padding);
        remaining = 0;
        padding = 0;
    }

    private static boolean isZero(byte[] header, int read) {
        for (int i = 0; i < read; i++) {
            if (header[i] != 0) {
                return false;
            }
        }
        return read == BLOCK;
    }

    private static boolean checksumMatches(byte[] header) {
        long stored;
        try {
            stored = number(header, 148, 8);
        } catch (NumberFormatException e) {
            return false;
        }
        byte[] copy = Arrays.copyOf(header, BLOCK);
        Arrays.fill(copy, 148, 156, (byte) ' ');
        long sum = 0;
        for (byte b : copy) {
            sum += b & 0xff;
        }
        return sum == stored;
    }

    private static String joinedName(byte[] header) {
        String name = string(header, 0, 100);
        boolean ustar = string(header, 257, 5).equals("ustar");
        String prefix = ustar ? string(header, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    /** Octal digits, or GNU's base-256 form (high bit set) for sizes beyond 8 GiB. */
    private static long number(byte[] header, int offset, int length) {
        if ((header[offset] & 0x80) != 0) {
            long value = 0;
            for (int i = offset + 1; i < offset + length; i++) {
                value = (value << 8) | (header[i] & 0xff);
            }
            return value;
        }
        String digits = string(header, offset, length).trim();
        return digits.isEmpty() ? 0 : Long.parseLong(digits, 8);
    }

    private static String string(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static String text(byte[] content) {
        return string(content, 0, content.length);
    }

    /** pax records are "LENGTH key=value\n". */
    private static String paxValue(String records, String key, String otherwise) {
        for (String record : records.split("\n")) {
            int space = record.indexOf(' ');
            if (space > 0 && record.startsWith(key + "=", space + 1)) {
                return record.substring(space + 2 + key.length());
            }
        }
        return otherwise;
    }

    /** The stream does not start with a tar header. */
    static final class NotATarException extends IOException {
        NotATarException() {
            super("not a tar archive");
        }
    }
}
