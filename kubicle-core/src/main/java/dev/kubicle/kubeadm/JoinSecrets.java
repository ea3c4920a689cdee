package dev.kubicle.kubeadm;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The secrets one create gives every node's kubeadm config: made fresh for each cluster, never a fixed value. kind
 * uses the well-known token {@code abcdef.0123456789abcdef}; with it, anyone who can reach the API server (everyone
 * on the network once {@code apiServerAddress} is 0.0.0.0) could have a machine of their own join as a node for the
 * token's 24 hours, and read the secrets of the pods scheduled there.
 *
 * @param bootstrapToken the token nodes join with, {@code [a-z0-9]{6}.[a-z0-9]{16}} as kubeadm requires
 * @param certificateKey the AES key (64 hex digits) that {@code kubeadm init --upload-certs} encrypts the cluster's
 *                       CA and service account keys with, so that control planes can join
 */
public record JoinSecrets(String bootstrapToken, String certificateKey) {
    private static final String TOKEN_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    /** Fresh secrets for one cluster, to be made once per create and given to every node's input. */
    public static JoinSecrets generate() {
        SecureRandom random = new SecureRandom();
        byte[] key = new byte[32];
        random.nextBytes(key);
        return new JoinSecrets(randomText(random, 6) + "." + randomText(random, 16), HexFormat.of().formatHex(key));
    }

    private static String randomText(SecureRandom random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(TOKEN_ALPHABET.charAt(random.nextInt(TOKEN_ALPHABET.length())));
        }
        return text.toString();
    }

    /** Keeps the secrets out of logs and error messages that print this record. */
    @Override
    public String toString() {
        return "JoinSecrets[redacted]";
    }
}
