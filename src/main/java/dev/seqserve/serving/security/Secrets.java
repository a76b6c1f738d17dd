package dev.seqserve.serving.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Configured secrets, matched in constant time: both sides are hashed first, so neither the position
 * of the first wrong character nor the secret's length shows in how long a refusal takes.
 */
final class Secrets {

    private final List<byte[]> digests;

    Secrets(List<String> secrets) {
        this.digests = secrets.stream().map(Secrets::sha256).toList();
    }

    boolean isEmpty() {
        return digests.isEmpty();
    }

    /** Whether {@code presented} is one of the secrets; every secret is compared, match or not. */
    boolean matches(String presented) {
        byte[] digest = sha256(presented);
        boolean found = false;
        for (byte[] secret : digests) {
            found |= MessageDigest.isEqual(secret, digest);
        }
        return found;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
