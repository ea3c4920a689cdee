package dev.kubicle.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Content digests as OCI images, Docker and containerd write them: "sha256:" and the hex of the SHA-256. */
public final class OciDigests {
    private static final String PREFIX = "sha256:";

    private OciDigests() {
    }

    public static String of(byte[] content) {
        return named(sha256().digest(content));
    }

    /** A fresh SHA-256 to feed content too large to hold; {@link #finish} gives its digest. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The digest of everything fed to {@code sha256}, which starts again empty. */
    public static String finish(MessageDigest sha256) {
        return named(sha256.digest());
    }

    /** The hex part of a digest, a blob's file name in a content store. */
    public static String hex(String digest) {
        if (!digest.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a sha256 digest: " + digest);
        }
        return digest.substring(PREFIX.length());
    }

    private static String named(byte[] hash) {
        return PREFIX + HexFormat.of().formatHex(hash);
    }
}
