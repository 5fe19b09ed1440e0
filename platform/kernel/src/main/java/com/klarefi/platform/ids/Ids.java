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

    private Ids() {
    }

    public static String newId(String prefix) {
        return prefix + "_" + randomToken(LENGTH);
    }

    /** Random base62 text of the given length, from a cryptographic source. */
    public static String randomToken(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
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
