package com.klarefi.platform.ids;

import java.security.SecureRandom;

/**
 * Opaque, prefixed identifiers such as {@code req_7Hq2...} or {@code case_...}: a readable prefix
 * so a stray id in a log or a support ticket says what it is, then random base62 characters.
 */
public final class Ids {
    private static final char[] ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    /** 22 base62 characters carry about 131 bits: enough that ids never collide or get guessed. */
    private static final int LENGTH = 22;

    private static final SecureRandom RANDOM = new SecureRandom();
    /** The largest multiple of the alphabet's size that a byte can reach (4 * 62). */
    private static final int UNBIASED_BOUND = 256 - 256 % 62;

    private Ids() {}

    public static String newId(String prefix) {
        return prefix + "_" + randomToken(LENGTH);
    }

    /**
     * Random base62 text of the given length, from a cryptographic source. The random bytes are
     * drawn in one call rather than one per character: every request gets an id, and each call
     * takes the shared generator's lock.
     */
    public static String randomToken(int length) {
        char[] out = new char[length];
        byte[] bytes = new byte[length + length / 8 + 4];
        int filled = 0;
        while (filled < length) {
            RANDOM.nextBytes(bytes);
            for (int i = 0; i < bytes.length && filled < length; i++) {
                int value = bytes[i] & 0xFF;
                // Bytes from UNBIASED_BOUND up are dropped, so that every character is equally likely.
                if (value < UNBIASED_BOUND) {
                    out[filled++] = ALPHABET[value % ALPHABET.length];
                }
            }
        }
        return new String(out);
    }

    /** True when the text has the given prefix and a well-formed random part. */
    public static boolean looksLike(String prefix, String candidate) {
        if (candidate == null || !candidate.startsWith(prefix + "_")) {
            return false;
        }
        String rest = candidate.substring(prefix.length() + 1);
        if (rest.isEmpty() || rest.length() > 64) {
            return false;
        }
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }
}
