package dev.kubicle.cluster.internal.ops;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Content digests as OCI images and containerd write them: "sha256:" and the hex of the SHA-256. */
public final class OciDigests {

    private OciDigests() {
    }

    public static String of(byte[] content) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
