package dev.kubicle.nodeimage;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A build context holding nothing but a Dockerfile: a one-file POSIX tar archive. */
final class DockerfileContext {
    private static final int BLOCK = 512;

    private DockerfileContext() {
    }

    static byte[] of(String dockerfile) {
        byte[] content = dockerfile.getBytes(StandardCharsets.UTF_8);
        int contentBlocks = (content.length + BLOCK - 1) / BLOCK;
        // Header, content padded to whole blocks, then the two empty blocks that end an archive.
        byte[] archive = new byte[BLOCK * (1 + contentBlocks + 2)];
        put(archive, 0, "Dockerfile");
        put(archive, 100, "0000644");
        put(archive, 108, "0000000");
        put(archive, 116, "0000000");
        put(archive, 124, String.format("%011o", content.length));
        put(archive, 136, String.format("%011o", 0));
        archive[156] = '0';
        put(archive, 257, "ustar");
        put(archive, 263, "00");
        // The checksum is computed with its own field read as spaces.
        Arrays.fill(archive, 148, 156, (byte) ' ');
        int checksum = 0;
        for (int i = 0; i < BLOCK; i++) {
            checksum += archive[i] & 0xff;
        }
        put(archive, 148, String.format("%06o", checksum));
        archive[154] = 0;
        System.arraycopy(content, 0, archive, BLOCK, content.length);
        return archive;
    }

    private static void put(byte[] header, int offset, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }
}
